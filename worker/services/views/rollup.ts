import { mapLimit } from '../../lib/map-limit'
import { foldStatements, pruneStatements, selectDone } from './rollup-sql'
import { decodeShard, DONE_RETENTION_MS, hourIndex, hourIso, SHARD_PREFIX, shardCreatedAt, type CountRow } from './shard'

export interface RollupOptions {
  now?: number
  /** Shards read per run: each costs a KV get and a delete (two subrequests). */
  maxShards?: number
  /** Shards folded per D1 batch. */
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
}

/** A key is deleted no sooner than this after its write (KV: ~1 write a second per key). */
const DELETE_AFTER_MS = 2_000
/** Hourly buckets are kept a little longer than the longest window (30 days). */
const BUCKET_RETENTION_HOURS = 31 * 24
const MAX_ATTEMPTS = 4

const isKeyConflict = (err: unknown) => /UNIQUE constraint failed/i.test(String(err))

async function listShardKeys(kv: KVNamespace, max: number): Promise<string[]> {
  const keys: string[] = []
  let cursor: string | undefined
  do {
    const page = await kv.list({ prefix: SHARD_PREFIX, limit: Math.min(1000, max - keys.length), ...(cursor ? { cursor } : {}) })
    keys.push(...page.keys.map((k) => k.name).filter((name) => shardCreatedAt(name) !== null))
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor && keys.length < max)
  return keys
}

/**
 * Folds one group of shards into D1 exactly once. The done-set is read, the rest
 * is summed and written in one batch that also records the keys; if a concurrent
 * rollup recorded one of them first, the batch rolls back and is rebuilt without it.
 */
async function foldGroup(d1: D1Database, kv: KVNamespace, keys: string[], nowIso: string, report: RollupReport) {
  const values = new Map<string, string | null>()
  for (let attempt = 1; ; attempt++) {
    const { results } = await selectDone(d1, keys).all<{ key: string }>()
    const done = new Set(results.map((r) => r.key))
    const todo = keys.filter((k) => !done.has(k) && !values.has(k))
    const fetched = await mapLimit(todo, 16, (k) => kv.get(k))
    todo.forEach((k, i) => values.set(k, fetched[i] ?? null))
    const readable = keys.filter((k) => !done.has(k) && values.get(k) != null)
    const rows: CountRow[] = readable.flatMap((k) => decodeShard(values.get(k)!))
    if (readable.length > 0) {
      try {
        await d1.batch(foldStatements(d1, readable, rows, nowIso))
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
    return [...done, ...readable]
  }
}

/**
 * The cron rollup: folds view shards from KV into D1 totals and hourly buckets,
 * then deletes the folded keys. A key is deleted only after its counts are in D1,
 * so a run that dies half-way is simply repeated by the next one: folded keys are
 * skipped through view_shards_done and deleted then.
 *
 * @example
 * await rollupShards(env.DB, env.VIEWS)
 */
export async function rollupShards(d1: D1Database, kv: KVNamespace, options: RollupOptions = {}): Promise<RollupReport> {
  const now = options.now ?? Date.now()
  const nowIso = new Date(now).toISOString()
  const report: RollupReport = { listed: 0, folded: 0, views: 0, alreadyDone: 0, unreadable: 0, deleted: 0, conflicts: 0 }
  const keys = await listShardKeys(kv, options.maxShards ?? 1_000)
  report.listed = keys.length

  const folded: string[] = []
  const groupSize = options.groupSize ?? 100
  for (let i = 0; i < keys.length; i += groupSize) {
    folded.push(...(await foldGroup(d1, kv, keys.slice(i, i + groupSize), nowIso, report)))
  }

  const deletable = folded.filter((k) => now - shardCreatedAt(k)! >= DELETE_AFTER_MS)
  const deleted = await mapLimit(deletable, 16, (k) => kv.delete(k).then(() => true, () => false))
  report.deleted = deleted.filter(Boolean).length

  const doneBefore = new Date(now - DONE_RETENTION_MS).toISOString()
  await d1.batch(pruneStatements(d1, doneBefore, hourIso(hourIndex(now) - BUCKET_RETENTION_HOURS)))
  return report
}
