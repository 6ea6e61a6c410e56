/**
 * Requests through the whole worker on a D1 binding that counts round trips
 * (platformD1: each all/first/run/raw and each batch is one, as in production),
 * for the per-route budgets of docs/performance.md. The D1 calls counted are those
 * made before the response body is read; what a request leaves in waitUntil (the
 * view counter's KV flush) makes none. `vars` changes wrangler vars for the request
 * (e.g. a lowered SITEMAP_PAGE_SIZE).
 *
 * @example
 * const { status, calls } = await countedFetch('/api/v1/articles/1')
 * expect(calls).toHaveLength(1)
 */
import { createExecutionContext, env } from 'cloudflare:test'
import worker from '../../worker/index'
import { BASE } from './auth'
import { platformD1, type D1Call } from './platform-d1'

export interface Counted {
  status: number
  headers: Headers
  text: string
  body: any
  calls: D1Call[]
}

export async function countedFetch(path: string, init: RequestInit = {}, vars: Record<string, string> = {}): Promise<Counted> {
  const { d1, calls } = platformD1()
  const res = await worker.fetch(new Request(BASE + path, { redirect: 'manual', ...init }), { ...env, ...vars, DB: d1 }, createExecutionContext())
  const json = res.headers.get('Content-Type')?.includes('json') ?? false
  const text = json ? await res.text() : `(${(await res.arrayBuffer()).byteLength} bytes)`
  const body: unknown = json ? JSON.parse(text) : null
  return { status: res.status, headers: res.headers, text, body, calls: [...calls] }
}
