import { hourIso, type CountRow } from './shard'
import type { D1Handle } from '../../db/client'

/**
 * The D1 statements of a rollup. Row sets travel as one JSON parameter read with
 * json_each, so a statement binds one or two parameters whatever the group size
 * or number of rows (D1 allows 100), and each JSON parameter is cut at
 * JSON_PARAM_BYTES, under D1's 100 KB statement size whatever the keys and counts
 * look like. Only counts of articles published when the rollup runs are folded:
 * the beacon counts any well-formed id without asking D1, so unknown ids (their
 * rows would violate the foreign keys), drafts, scheduled, archived and trashed
 * articles are dropped here, by the join.
 */
const JSON_PARAM_BYTES = 90_000

/** "Publicly visible" (services/articles/visibility.ts), literal in these hand-written statements. */
const PUBLISHED = "a.status = 'published' AND a.deleted_at IS NULL"

/** Items as JSON arrays of at most `maxBytes` each (keys and count rows are ASCII: length is bytes). */
export function jsonChunks(items: unknown[], maxBytes = JSON_PARAM_BYTES): string[] {
  const out: string[] = []
  let part: string[] = []
  let size = 2
  for (const item of items) {
    const json = JSON.stringify(item)
    if (part.length > 0 && size + json.length + 1 > maxBytes) {
      out.push(`[${part.join(',')}]`)
      part = []
      size = 2
    }
    part.push(json)
    size += json.length + 1
  }
  if (part.length > 0) out.push(`[${part.join(',')}]`)
  return out
}

/** Which of these shard keys are already folded into the counts, and when. */
export function selectDone(d1: D1Handle, keys: string[]): D1PreparedStatement {
  return d1.prepare('SELECT key, done_at FROM view_shards_done WHERE key IN (SELECT value FROM json_each(?))').bind(JSON.stringify(keys))
}

/**
 * One atomic fold: the shard keys are recorded first, with a plain INSERT, so if
 * another rollup folded any of them meanwhile the batch fails on the primary key
 * and none of its increments land.
 */
export function foldStatements(d1: D1Handle, keys: string[], rows: CountRow[], nowIso: string): D1PreparedStatement[] {
  return [...recordDone(d1, keys, nowIso), ...viewCountStatements(d1, rows, nowIso)]
}

/** Records shard keys as folded (the done-set of every counter: keys differ by prefix). */
export const recordDone = (d1: D1Handle, keys: string[], nowIso: string): D1PreparedStatement[] =>
  jsonChunks(keys).map((part) => d1.prepare('INSERT INTO view_shards_done (key, done_at) SELECT value, ? FROM json_each(?)').bind(nowIso, part))

/** Adds view count rows to the hourly buckets and the all-time totals of published articles. */
export function viewCountStatements(d1: D1Handle, rows: CountRow[], nowIso: string): D1PreparedStatement[] {
  const perHour = new Map<string, [number, string, number]>()
  const perArticle = new Map<number, number>()
  for (const [articleId, hour, n] of rows) {
    const id = `${articleId}:${hour}`
    const bucket = perHour.get(id) ?? [articleId, hourIso(hour), 0]
    bucket[2] += n
    perHour.set(id, bucket)
    perArticle.set(articleId, (perArticle.get(articleId) ?? 0) + n)
  }
  return [
    ...jsonChunks([...perHour.values()]).map((part) =>
      d1
        .prepare(
          `INSERT INTO article_view_hours (article_id, hour, category_id, views)
           SELECT a.id, json_extract(j.value, '$[1]'), a.category_id, json_extract(j.value, '$[2]')
           FROM json_each(?) AS j JOIN articles AS a ON a.id = json_extract(j.value, '$[0]')
           WHERE ${PUBLISHED}
           ON CONFLICT (article_id, hour) DO UPDATE SET views = views + excluded.views`,
        )
        .bind(part),
    ),
    ...jsonChunks([...perArticle]).map((part) =>
      d1
        .prepare(
          `INSERT INTO article_views (article_id, category_id, total, updated_at)
           SELECT a.id, a.category_id, json_extract(j.value, '$[1]'), ?
           FROM json_each(?) AS j JOIN articles AS a ON a.id = json_extract(j.value, '$[0]')
           WHERE ${PUBLISHED}
           ON CONFLICT (article_id) DO UPDATE SET total = total + excluded.total, updated_at = excluded.updated_at`,
        )
        .bind(nowIso, part),
    ),
  ]
}

/** Forgets done keys that can no longer exist in KV, and buckets older than every window. */
export function pruneStatements(d1: D1Handle, doneBeforeIso: string, hoursBeforeIso: string): D1PreparedStatement[] {
  return [
    d1.prepare('DELETE FROM view_shards_done WHERE done_at < ?').bind(doneBeforeIso),
    d1.prepare('DELETE FROM article_view_hours WHERE hour < ?').bind(hoursBeforeIso),
  ]
}
