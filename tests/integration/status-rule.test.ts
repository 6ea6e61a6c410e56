/**
 * One rule for "valid JSON, bad value" (issue 13, README "400 or 422"): a request
 * that does not fit its schema is a 400 `validation_failed`, JSON body, query or
 * multipart form alike; 422 only for a request that fits its schema but names or
 * carries what the server cannot process (an unknown /media/ key, unreadable image
 * bytes). The OpenAPI document says the same.
 */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASE, loginAs } from '../helpers/auth'

let headers: Record<string, string>
let spec: { paths: Record<string, Record<string, { responses: Record<string, { description: string }>; parameters?: unknown[]; requestBody?: unknown }>> }

/** The operations whose request can fit its schema and still be unprocessable. */
const MAY_422 = ['post /api/admin/articles', 'patch /api/admin/articles/{id}', 'post /api/admin/media']

beforeAll(async () => {
  headers = (await loginAs('editor')).headers
  spec = (await (await SELF.fetch(`${BASE}/api/openapi.json`)).json()) as typeof spec
})

const post = async (path: string, body: unknown) => {
  const res = await SELF.fetch(`${BASE}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  return { status: res.status, body: (await res.json()) as any }
}

describe('400 for a request that does not fit its schema', () => {
  it.each([
    ['a number for a string', '/api/admin/articles', { title: 5 }, 'json.title'],
    ['an empty title', '/api/admin/articles', { title: '' }, 'json.title'],
    ['an unknown field', '/api/admin/articles', { title: 'Tin', secret: 1 }, 'json.secret'],
    ['an out-of-range expiry', '/api/admin/tokens', { name: 'x', expires_in_days: 100000 }, 'json.expires_in_days'],
  ])('%s', async (_, path, body, detail) => {
    const res = await post(path, body)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('validation_failed')
    expect(res.body.error.details.map((d: any) => d.path)).toContain(detail)
  })
})

describe('the OpenAPI document states the rule', () => {
  it('every operation that takes input documents 400; 422 only where a valid request can be unprocessable', () => {
    const with422: string[] = []
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.parameters?.length || op.requestBody) expect(op.responses['400'], `${method} ${path}`).toBeDefined()
        if (op.responses['422']) with422.push(`${method} ${path}`)
      }
    }
    expect(with422.sort()).toEqual([...MAY_422].sort())
  })
})
