/**
 * The KV side of the view counter (and of every counter built on it, e.g. API key
 * usage: services/api-keys/usage.ts): one shard is one flush of one isolate,
 * written once under its own key and never changed (a retried write repeats the
 * same bytes), so a key has exactly one writer and at most one write a second.
 * Counters differ by key prefix and by what their "hour" bucket means.
 */

/** Article id -> hour index -> views. */
export type HourCounts = Map<number, Map<number, number>>

/** One count row: article id, hour index, views. */
export type CountRow = [articleId: number, hour: number, views: number]

export const SHARD_PREFIX = 'views:v1:'

/**
 * Shards expire in KV after a week even if no rollup ever deletes them, so a
 * broken cron cannot fill the namespace. view_shards_done keeps its rows longer
 * than that (DONE_RETENTION_MS), so an expired key can never be counted again.
 */
export const SHARD_TTL_SECONDS = 7 * 24 * 3600
export const DONE_RETENTION_MS = (SHARD_TTL_SECONDS + 24 * 3600) * 1000

const HOUR_MS = 3_600_000

/** Whole hours since the Unix epoch (UTC). */
export const hourIndex = (ms: number) => Math.floor(ms / HOUR_MS)

/** The ISO start of an hour index, the `hour` column of article_view_hours. */
export const hourIso = (hour: number) => new Date(hour * HOUR_MS).toISOString()

/** `views:v1:<created ms, 13 digits>:<isolate id>:<sequence>` (another counter's prefix instead of `views:v1:`): sortable by creation time. */
export const shardKey = (createdAt: number, isolateId: string, seq: number, prefix = SHARD_PREFIX) =>
  `${prefix}${String(createdAt).padStart(13, '0')}:${isolateId}:${seq}`

/** When a shard key was created, or null for a key this code did not write. */
export function shardCreatedAt(key: string): number | null {
  const match = /^[a-z-]+:v1:(\d{13}):[\w-]+:\d+$/.exec(key)
  return match ? Number(match[1]) : null
}

export function encodeShard(counts: HourCounts): string {
  const rows: CountRow[] = []
  for (const [articleId, hours] of counts) for (const [hour, n] of hours) rows.push([articleId, hour, n])
  return JSON.stringify({ v: 1, rows })
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x > 0

/**
 * The rows of a stored shard. Anything that is not a well-formed row is dropped:
 * the rollup treats the value as data, never as something to trust.
 */
export function decodeShard(text: string): CountRow[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  const rows = (parsed as { rows?: unknown })?.rows
  if (!Array.isArray(rows)) return []
  return rows.filter(
    (r): r is CountRow => Array.isArray(r) && r.length === 3 && isCount(r[0]) && isCount(r[1]) && isCount(r[2]),
  )
}

/** Adds `n` views of an article in an hour to a count map. */
export function addCount(counts: HourCounts, articleId: number, hour: number, n = 1): void {
  let hours = counts.get(articleId)
  if (!hours) counts.set(articleId, (hours = new Map()))
  hours.set(hour, (hours.get(hour) ?? 0) + n)
}

/** Views of one article over every hour of a count map. */
export function articleSum(counts: HourCounts, articleId: number): number {
  let sum = 0
  for (const n of counts.get(articleId)?.values() ?? []) sum += n
  return sum
}
