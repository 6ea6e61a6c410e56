import { mapLimit } from '../../lib/map-limit'
import type { D1Handle } from '../../db/client'
import { BULK_GET_MAX, KV_OPS_PER_RUN, LIST_PAGE_MAX, shardsWithin } from './kv-budget'
import { recordDone, selectDone } from './rollup-sql'
import { decodeShard, shardCreatedAt, type CountRow } from './shard'
import { VIEW_SINK, type ShardSink } from './sink'

export { VIEW_SINK, type ShardSink } from './sink'

export interface RollupOptions {
  /** Which counter's shards to fold (default: the views). */
  sink?: ShardSink
  now?: number
  /** KV operations this run may make: list pages, bulk gets and deletes (default KV_OPS_PER_RUN). */
  kvOps?: number
  /** Shards folded per D1 batch and read per bulk get (at most 100, KV's bulk get limit). */
  groupSize?: number
}

export interface RollupReport {
  /** Shard keys listed in KV. */
  listed: number
  /** Shards folded into D1 by this run, and the views they held. */
  folded: number
  views: number
  /** Listed keys some earlier (or concurrent) rollup had folded already. */
  alreadyDone: number
  /** Listed keys whose value KV did not return yet (eventual consistency): next run. */
  unreadable: number
  deleted: number
  /** Batches retried because a concurrent rollup folded some of their keys first. */
  conflicts: number
  /** KV operations this run made. */
  kvOps: number
  /** Whether the listing reached the last shard key; false leaves a backlog for the next runs. */
  complete: boolean
}

/** A key is deleted no sooner than this after its write (KV: ~1 write a second per key). */
const DELETE_AFTER_MS = 2_000
/**
 * A key its folding run deleted may still be listed for a while (KV list is
 * eventually consistent, ~60 s): it is deleted again only this long after it was
 * folded, in case that delete failed. Until then it costs a place in a list page,
 * not a KV operation.
 */
export const REDELETE_AFTER_MS = 5 * 60_000
/** List pages per run: bounds the D1 look-ups (one per group of listed keys) when pages hold only folded keys. */
const MAX_LIST_PAGES = 3
const MAX_ATTEMPTS = 4

const isKeyConflict = (err: unknown) => /UNIQUE constraint failed/i.test(String(err))

/**
 * Whether a key an earlier (or concurrent) run folded at `doneAt` is for this run
 * to delete: it was too young to delete then and is old enough now, or it is still
 * listed long after its folding run deleted it (that delete must have failed).
 */
function leftover(key: string, doneAt: number, now: number): boolean {
  const createdAt = shardCreatedAt(key)!
  if (doneAt - createdAt < DELETE_AFTER_MS) return now - createdAt >= DELETE_AFTER_MS
  return now - doneAt >= REDELETE_AFTER_MS
}

/**
 * Folds one group of shards into D1 exactly once. The done-set is read, the rest
 * is read from KV in one bulk get, summed and written in one batch that also
 * records the keys; if a concurrent rollup recorded one of them first, the batch
 * rolls back and is rebuilt without it (no second KV read). Returns the KV reads
 * made and the keys to delete.
 */
async function foldGroup(d1: D1Handle, kv: KVNamespace, sink: ShardSink, keys: string[], now: number, report: RollupReport) {
  const nowIso = new Date(now).toISOString()
  const values = new Map<string, string | null>()
  let kvReads = 0
  for (let attempt = 1; ; attempt++) {
    const { results } = await selectDone(d1, keys).all<{ key: string; done_at: string }>()
    const done = new Map(results.map((r) => [r.key, Date.parse(r.done_at)]))
    const todo = keys.filter((k) => !done.has(k) && !values.has(k))
    if (todo.length > 0) {
      kvReads++
      const fetched = await kv.get(todo)
      for (const k of todo) values.set(k, fetched.get(k) ?? null)
    }
    const readable = keys.filter((k) => !done.has(k) && values.get(k) != null)
    const rows: CountRow[] = readable.flatMap((k) => decodeShard(values.get(k)!))
    if (readable.length > 0) {
      try {
        await d1.batch([...recordDone(d1, readable, nowIso), ...sink.fold(d1, rows, nowIso)])
      } catch (err) {
        if (!isKeyConflict(err) || attempt >= MAX_ATTEMPTS) throw err
        report.conflicts++
        continue
      }
    }
    report.folded += readable.length
    report.views += rows.reduce((n, [, , views]) => n + views, 0)
    report.alreadyDone += done.size
    report.unreadable += keys.filter((k) => !done.has(k) && values.get(k) == null).length
    const toDelete = [
      ...readable.filter((k) => now - shardCreatedAt(k)! >= DELETE_AFTER_MS),
      ...[...done].filter(([k, doneAt]) => leftover(k, doneAt, now)).map(([k]) => k),
    ]
    return { kvReads, toDelete }
  }
}

/**
 * The cron rollup: folds view shards from KV into D1 totals and hourly buckets,
 * oldest first, then deletes the folded keys, spending at most `kvOps` KV
 * operations: each list page is sized so that every key on it could be read and
 * deleted within what is left. A backlog larger than one run is drained by the
 * next runs. A key is deleted only after its counts are in D1, so a run that dies
 * half-way is simply repeated by the next one: folded keys are skipped through
 * view_shards_done and deleted then.
 *
 * @example
 * await rollupShards(env.DB, env.VIEWS, { kvOps: 890 })
 */
export async function rollupShards(d1: D1Handle, kv: KVNamespace, options: RollupOptions = {}): Promise<RollupReport> {
  const now = options.now ?? Date.now()
  const sink = options.sink ?? VIEW_SINK
  const groupSize = Math.min(options.groupSize ?? BULK_GET_MAX, BULK_GET_MAX)
  const budget = options.kvOps ?? KV_OPS_PER_RUN
  const report: RollupReport = { listed: 0, folded: 0, views: 0, alreadyDone: 0, unreadable: 0, deleted: 0, conflicts: 0, kvOps: 0, complete: false }
  let left = budget
  let cursor: string | undefined
  for (let page = 0; page < MAX_LIST_PAGES && !report.complete; page++) {
    const limit = Math.min(LIST_PAGE_MAX, shardsWithin(left - 1, groupSize))
    if (limit < 1) break
    const listing = await kv.list({ prefix: sink.prefix, limit, ...(cursor ? { cursor } : {}) })
    left--
    const keys = listing.keys.map((k) => k.name).filter((name) => shardCreatedAt(name) !== null)
    report.listed += keys.length
    for (let i = 0; i < keys.length; i += groupSize) {
      const { kvReads, toDelete } = await foldGroup(d1, kv, sink, keys.slice(i, i + groupSize), now, report)
      const deleted = await mapLimit(toDelete, 16, (k) => kv.delete(k).then(() => true, () => false))
      left -= kvReads + toDelete.length
      report.deleted += deleted.filter(Boolean).length
    }
    report.complete = listing.list_complete
    cursor = listing.list_complete ? undefined : listing.cursor
  }
  report.kvOps = budget - left

  const prune = sink.prune(d1, now)
  if (prune.length) await d1.batch(prune)
  return report
}
