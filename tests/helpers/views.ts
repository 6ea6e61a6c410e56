/**
 * Helpers for the view-counter tests: a write-counting wrapper around the real KV
 * binding (every call still goes to Miniflare's KV), the cron as the runtime fires
 * it, and readers of what the rollup stored in D1.
 */
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import worker from '../../worker/index'
import { db } from './fixtures'

export interface KvWrite {
  op: 'put' | 'delete'
  key: string
  at: number
}

/** The real KV binding, with every put and delete logged; `failPuts` makes the next N puts throw before reaching KV. */
export function countingKv(kv: KVNamespace = env.VIEWS) {
  const writes: KvWrite[] = []
  const faults = { failPuts: 0, failDeletes: false }
  const proxy = new Proxy(kv, {
    get(target, prop) {
      if (prop === 'put' || prop === 'delete') {
        return async (key: string, ...rest: unknown[]) => {
          if (prop === 'put' && faults.failPuts > 0) {
            faults.failPuts--
            throw new Error('KV put failed (injected)')
          }
          if (prop === 'delete' && faults.failDeletes) throw new Error('KV delete failed (injected)')
          writes.push({ op: prop, key, at: Date.now() })
          return (target[prop] as (...a: unknown[]) => Promise<unknown>).call(target, key, ...rest)
        }
      }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { kv: proxy, writes, faults }
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
