/**
 * Every admin write route refuses a body over its limit with a 413 envelope before
 * parsing it, from Content-Length and from a chunked stream (issue 13). The routes
 * come from the OpenAPI document, so a new route is covered the day it is added.
 */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { ARTICLE_BODY_LIMIT, IMPORT_BODY_LIMIT, JSON_BODY_LIMIT } from '../../worker/middleware/admin-body-limit'
import { BASE, loginAs } from '../helpers/auth'

let headers: Record<string, string>
let writes: [string, string][] = []

const WRITE_METHODS = ['post', 'put', 'patch', 'delete']
const isArticleWrite = (method: string, path: string) => (method === 'POST' && path === '/api/admin/articles') || (method === 'PATCH' && path === '/api/admin/articles/{id}')

beforeAll(async () => {
  headers = (await loginAs('admin')).headers
  const spec = (await (await SELF.fetch(`${BASE}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> }
  writes = Object.entries(spec.paths)
    .filter(([path]) => path.startsWith('/api/admin/'))
    .flatMap(([path, ops]) => Object.keys(ops).filter((m) => WRITE_METHODS.includes(m)).map((m) => [m.toUpperCase(), path] as [string, string]))
    .filter(([m, path]) => !(m === 'POST' && path === '/api/admin/media'))
})

/** The route's own limit: the archive import takes NDJSON up to 10 MiB (docs/archive.md). */
const limitOf = (method: string, path: string) =>
  method === 'POST' && path === '/api/admin/imports' ? IMPORT_BODY_LIMIT : isArticleWrite(method, path) ? ARTICLE_BODY_LIMIT : JSON_BODY_LIMIT

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '1')
/** A JSON object of exactly `bytes` bytes. */
const json = (bytes: number) => JSON.stringify({ name: 'x'.repeat(bytes - 11) })
const chunked = (text: string) => {
  const bytes = new TextEncoder().encode(text)
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 << 10) controller.enqueue(bytes.subarray(i, i + (64 << 10)))
      controller.close()
    },
  })
}

async function send(method: string, path: string, body: string, stream: boolean) {
  const init = { method, headers: { ...headers, ...(stream ? { 'Transfer-Encoding': 'chunked' } : {}) }, body: stream ? chunked(body) : body, duplex: 'half' }
  const res = await SELF.fetch(`${BASE}${concrete(path)}`, init as RequestInit)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

describe('413 on every admin write route', () => {
  it('finds the write routes in the OpenAPI document', () => {
    expect(writes.length).toBeGreaterThan(20)
    expect(json(100)).toHaveLength(100)
  })

  it.each([false, true])('over the route limit (chunked: %s): 413 payload_too_large, nothing parsed', async (stream) => {
    for (const [method, path] of writes) {
      const limit = limitOf(method, path)
      const res = await send(method, path, json(limit + 1), stream)
      expect(res.status, `${method} ${path}`).toBe(413)
      expect(res.body.error, `${method} ${path}`).toMatchObject({ code: 'payload_too_large', details: [{ path: 'body', message: `must be at most ${limit} bytes` }] })
    }
  })

  it('at the limit, a body is parsed (the route answers for itself, not 413)', async () => {
    for (const [method, path] of writes) {
      const limit = limitOf(method, path)
      expect((await send(method, path, json(limit), false)).status, `${method} ${path}`).not.toBe(413)
    }
  })

  it('an article body between 1 MiB and 2 MiB is still accepted', async () => {
    // Each `a` sent as the JSON escape \u0061: 6 bytes on the wire, 1 once stored.
    const body = `{"title":"Bài dài","body_html":"<p>${'\\u0061'.repeat(190_000)}</p>"}`
    expect(body.length).toBeGreaterThan(JSON_BODY_LIMIT)
    headers = (await loginAs('editor')).headers // the previous test's DELETE /session signed the admin out
    const res = await send('POST', '/api/admin/articles', body, true)
    expect(res.status).toBe(201)
  })
})
