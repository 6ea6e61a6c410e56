/**
 * The KV operations one cron invocation may make. Workers allow 1,000 KV operations
 * per invocation (list, get, put and delete are one each; a bulk get of up to 100
 * keys is one); past that, calls throw and the run is cut off. The rollup spends
 * at most KV_OPS_PER_RUN, including the flush put of the cron's own isolate, and
 * leaves the rest as margin. docs/views.md has the figures.
 */
export const KV_OPS_PER_RUN = 900

/** Keys one bulk get may read (KV's limit). */
export const BULK_GET_MAX = 100

/** Keys one list call may return (KV's limit). */
export const LIST_PAGE_MAX = 1_000

/**
 * How many shards `ops` KV operations can fold and delete in groups of `groupSize`:
 * the largest n with n deletes + ceil(n / groupSize) bulk gets <= ops.
 *
 * @example
 * shardsWithin(899, 100) // 890: 890 deletes + 9 bulk gets
 */
export function shardsWithin(ops: number, groupSize: number): number {
  return ops <= 0 ? 0 : ops - Math.ceil(ops / (groupSize + 1))
}
