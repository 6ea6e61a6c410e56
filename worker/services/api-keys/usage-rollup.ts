import type { D1Handle } from '../../db/client'
import { jsonChunks } from '../views/rollup-sql'
import { DONE_RETENTION_MS, type CountRow } from '../views/shard'
import type { ShardSink } from '../views/sink'
import { USAGE_PREFIX, usageBucketParts } from './usage'

/** Per key and day: [key id, day, requests, limited]. */
function perKeyDay(rows: CountRow[]) {
  const days = new Map<string, [number, string, number, number]>()
  for (const [keyId, bucket, n] of rows) {
    const { day, limited } = usageBucketParts(bucket)
    const id = `${keyId}:${day}`
    const row = days.get(id) ?? [keyId, day, 0, 0]
    row[limited ? 3 : 2] += n
    days.set(id, row)
  }
  return [...days.values()]
}

/**
 * Folds usage shards into `api_key_usage`, one row per key per UTC day; counts of
 * keys that no longer exist are dropped by the join. Row sets travel as one JSON
 * parameter (rollup-sql.ts), within D1's parameter and statement limits.
 */
export const USAGE_SINK: ShardSink = {
  prefix: USAGE_PREFIX,
  fold: (d1: D1Handle, rows: CountRow[]) =>
    jsonChunks(perKeyDay(rows)).map((part) =>
      d1
        .prepare(
          `INSERT INTO api_key_usage (key_id, day, requests, limited)
           SELECT k.id, json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]')
           FROM json_each(?) AS j JOIN api_keys AS k ON k.id = json_extract(j.value, '$[0]')
           WHERE 1
           ON CONFLICT (key_id, day) DO UPDATE SET requests = requests + excluded.requests, limited = limited + excluded.limited`,
        )
        .bind(part),
    ),
  prune: (d1, now) => [d1.prepare('DELETE FROM view_shards_done WHERE done_at < ?').bind(new Date(now - DONE_RETENTION_MS).toISOString())],
}

/** A key's usage per day, newest first, over the last `days` days (from the rollup: up to ~1 minute behind). */
export async function readKeyUsage(d1: D1Handle, keyId: number, days = 30, now = Date.now()) {
  const since = new Date(now - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  const { results } = await d1
    .prepare('SELECT day, requests, limited FROM api_key_usage WHERE key_id = ? AND day >= ? ORDER BY day DESC')
    .bind(keyId, since)
    .all<{ day: string; requests: number; limited: number }>()
  return results
}
