/**
 * Helpers for the view-counter tests: a write-counting wrapper around the real KV
 * binding (every call still goes to Miniflare's KV), the cron as the runtime fires
 * it, and readers of what the rollup stored in D1.
 */
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { expect } from 'vitest'
import worker from '../../worker/index'
import { addCount, encodeShard, hourIndex, shardKey, SHARD_PREFIX, SHARD_TTL_SECONDS, type HourCounts } from '../../worker/services/views/shard'
import { createArticle, db } from './fixtures'

export interface KvWrite {
  op: 'put' | 'delete'
  key: string
  at: number
}

/** KV binding methods that are one operation each against the Workers per-invocation limit (a bulk get is one). */
const KV_OPERATIONS = new Set(['get', 'getWithMetadata', 'list', 'put', 'delete'])

/**
 * The real KV binding with every operation counted (`ops`, by method name) and every put
 * and delete logged (`writes`). Faults: `failPuts` makes the next N puts throw before
 * reaching KV; `failDeletes` makes deletes throw; `delayDeletes` holds deletes back until
 * `applyDelayedDeletes()`, so `list` and `get` keep showing deleted keys the way KV's
 * eventually consistent reads do for up to a minute.
 */
export function countingKv(kv: KVNamespace = env.VIEWS) {
  const writes: KvWrite[] = []
  const ops: string[] = []
  const faults = { failPuts: 0, failDeletes: false, delayDeletes: false }
  const delayed: string[] = []
  const proxy = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop)
      if (typeof value !== 'function') return value
      if (!KV_OPERATIONS.has(String(prop))) return value.bind(target)
      return async (key: string, ...rest: unknown[]) => {
        ops.push(String(prop))
        if (prop === 'put' && faults.failPuts > 0) {
          faults.failPuts--
          throw new Error('KV put failed (injected)')
        }
        if (prop === 'delete' && faults.failDeletes) throw new Error('KV delete failed (injected)')
        if (prop === 'put' || prop === 'delete') writes.push({ op: prop, key, at: Date.now() })
        if (prop === 'delete' && faults.delayDeletes) return void delayed.push(key)
        return value.call(target, key, ...rest)
      }
    },
  })
  const applyDelayedDeletes = () => Promise.all(delayed.splice(0).map((key) => kv.delete(key)))
  return { kv: proxy, writes, ops, faults, applyDelayedDeletes }
}

/** The most writes any single key got within any one-second span. */
export function maxWritesPerKeyPerSecond(writes: KvWrite[]): number {
  const byKey = new Map<string, number[]>()
  for (const w of writes) byKey.set(w.key, [...(byKey.get(w.key) ?? []), w.at])
  let max = 0
  for (const times of byKey.values()) {
    times.sort((a, b) => a - b)
    for (let i = 0; i < times.length; i++) {
      let j = i
      while (j + 1 < times.length && times[j + 1]! - times[i]! < 1000) j++
      max = Math.max(max, j - i + 1)
    }
  }
  return max
}

export interface SeedOptions {
  /** How long ago the first shard was written (default 10 minutes: old enough to delete). */
  ageMs?: number
  /** Count rows per shard (article, hour, views). */
  rowsPerShard?: number
  /** Rows fall into this many different hours, counting back from the current one. */
  hours?: number
}

/**
 * A backlog of view shards written straight to the real KV (test setup), in the
 * format isolates write; returns their keys and the views they hold per article.
 */
export async function seedShards(count: number, articleIds: number[], options: SeedOptions = {}) {
  const { ageMs = 10 * 60_000, rowsPerShard = 3, hours = 3 } = options
  const firstAt = Date.now() - ageMs
  const hour = hourIndex(Date.now())
  const expected = new Map(articleIds.map((id) => [id, 0]))
  const shards = Array.from({ length: count }, (_, i) => {
    const counts: HourCounts = new Map()
    for (let r = 0; r < rowsPerShard; r++) {
      const id = articleIds[(i * rowsPerShard + r) % articleIds.length]!
      const views = 1 + ((i + r) % 7)
      addCount(counts, id, hour - ((i * rowsPerShard + r) % hours), views)
      expected.set(id, expected.get(id)! + views)
    }
    return { key: shardKey(firstAt + i, `seed${i % 4}`, i), body: encodeShard(counts) }
  })
  for (let i = 0; i < shards.length; i += 50) {
    await Promise.all(shards.slice(i, i + 50).map((s) => env.VIEWS.put(s.key, s.body, { expirationTtl: SHARD_TTL_SECONDS })))
  }
  return { keys: shards.map((s) => s.key), expected }
}

/** Every shard key KV lists now. */
export async function listedShards(): Promise<string[]> {
  const names: string[] = []
  let cursor: string | undefined
  do {
    const page = await env.VIEWS.list({ prefix: SHARD_PREFIX, ...(cursor ? { cursor } : {}) })
    names.push(...page.keys.map((k) => k.name))
    cursor = page.list_complete ? undefined : page.cursor
  } while (cursor)
  return names
}

/** Which of these shard keys KV still lists. */
export const keysLeft = async (keys: string[]) => {
  const wanted = new Set(keys)
  return (await listedShards()).filter((name) => wanted.has(name))
}

/** Empties the shard namespace (test setup: a backlog test starts from no other file's or test's shards). */
export const clearShards = async () => void (await Promise.all((await listedShards()).map((name) => env.VIEWS.delete(name))))

/** Fires the worker's scheduled handler the way the every-minute cron does, and waits for its jobs. */
export async function runCron(at = new Date()) {
  const ctx = createExecutionContext()
  worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: at }), env, ctx)
  await waitOnExecutionContext(ctx)
}

/** The all-time total D1 holds for an article (0 when it has no row). */
export async function storedTotal(articleId: number) {
  const row = await db().selectFrom('article_views').select('total').where('article_id', '=', articleId).executeTakeFirst()
  return row?.total ?? 0
}

/** The sum of an article's hourly buckets. */
export async function storedHourSum(articleId: number) {
  const rows = await db().selectFrom('article_view_hours').select('views').where('article_id', '=', articleId).execute()
  return rows.reduce((n, r) => n + r.views, 0)
}

/** That D1 holds exactly these views per article, in the totals and in the hourly buckets. */
export async function expectStoredViews(expected: Map<number, number>) {
  for (const [id, views] of expected) {
    expect(await storedTotal(id), `article ${id}`).toBe(views)
    expect(await storedHourSum(id), `article ${id} hours`).toBe(views)
  }
}

/** `n` published articles with Vietnamese titles. */
export const createArticles = (n: number, prefix: string) =>
  Promise.all(Array.from({ length: n }, (_, i) => createArticle({ title: `${prefix} số ${i + 1}: tin trong ngày` })))

export const BROWSER_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

/** Sends a view beacon the way navigator.sendBeacon does (POST, text/plain body). */
export function beacon(articleId: number | string, headers: Record<string, string> = { 'User-Agent': BROWSER_UA }) {
  return SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${articleId}/views`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
    body: '',
  })
}
