import { SELF } from 'cloudflare:test'
import fc from 'fast-check'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { ChangePasswordBody, CreateTokenBody, CreateUserBody, LoginBody, UpdateUserBody } from '../../schema/api/auth'
import { BASE, createStaff, loginAs, type SignedIn } from '../helpers/auth'
import { authRowCounts, db } from '../helpers/auth-requests'

/**
 * Malformed input at every accounts route: never a 5xx, always the JSON error
 * envelope, and nothing written (row counts and the users table unchanged).
 */
let admin: SignedIn
let targetId: number

beforeAll(async () => {
  admin = await loginAs('admin')
  targetId = (await createStaff('author')).user.id
})

const snapshot = async () => ({ counts: await authRowCounts(), users: await db().selectFrom('users').selectAll().orderBy('id').execute() })

const wrongValue = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(''),
  fc.string({ minLength: 300, maxLength: 400 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
)

/** Bodies derived from a valid one: a field broken, a field missing, an unknown field, not an object, not JSON. */
function malformed(valid: Record<string, unknown>, schema: v.GenericSchema) {
  const keys = Object.keys(valid)
  const json = fc
    .oneof(
      fc.record({ key: fc.constantFrom(...keys), value: wrongValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
      fc.subarray(keys, { maxLength: keys.length - 1 }).map((kept) => Object.fromEntries(kept.map((k) => [k, valid[k]]))),
      fc.constantFrom('id', 'version', 'status_', 'password_hash', 'created_at', '__proto__x').map((k) => ({ ...valid, [k]: 1 })),
      fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue())).filter((x) => typeof x !== 'object' || x === null || Array.isArray(x)),
    )
    .filter((body) => !v.safeParse(schema, body).success)
    .map((body) => JSON.stringify(body))
  const text = fc.oneof(fc.string(), fc.constantFrom('{', '{"email":', 'null,', '\u0000', '{"a":1}}')).filter((s) => {
    try {
      return !v.safeParse(schema, JSON.parse(s)).success
    } catch {
      return true
    }
  })
  return fc.record({ body: fc.oneof(json, text), contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain') })
}

const writeRoutes = () =>
  [
    ['POST', '/api/admin/session', LoginBody, { email: 'a@tin.test', password: 'p' }, {}],
    ['POST', '/api/admin/me/password', ChangePasswordBody, { current_password: 'a', new_password: 'b-long-enough' }, {}],
    ['POST', '/api/admin/users', CreateUserBody, { email: 'a@tin.test', name: 'A', role: 'author', password: 'long-enough-1' }, {}],
    ['PATCH', `/api/admin/users/${targetId}`, UpdateUserBody, { name: 'A', role: 'editor', status: 'active' }, { 'If-Match': '"1"' }],
    ['POST', '/api/admin/tokens', CreateTokenBody, { name: 'x', expires_in_days: 5 }, {}],
  ] as const

async function send(method: string, path: string, body: string | undefined, headers: Record<string, string>) {
  const res = await SELF.fetch(`${BASE}${path}`, { method, headers, body })
  const text = await res.text()
  expect(res.status, `${method} ${path} ${body?.slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(500)
  expect(res.status).toBeGreaterThanOrEqual(400)
  expect(JSON.parse(text).error.code).toEqual(expect.any(String))
}

describe('malformed input to the accounts API', () => {
  it('malformed bodies at every write route: 4xx, nothing written', async () => {
    for (const [method, path, schema, valid, extra] of writeRoutes()) {
      const before = await snapshot()
      await fc.assert(
        fc.asyncProperty(malformed(valid, schema), async ({ body, contentType }) => {
          await send(method, path, body, { ...admin.headers, ...extra, 'Content-Type': contentType })
        }),
        { numRuns: 60 },
      )
      expect(await snapshot(), `${method} ${path}`).toEqual(before)
    }
  })

  it('malformed If-Match, ids and queries: 4xx, nothing written', async () => {
    const before = await snapshot()
    const segment = fc.oneof(fc.string(), fc.constantFrom('0', '-1', '1.5', '1e3', '99999999999999999999', '%00', '..', 'abc')).map(encodeURIComponent).filter((s) => s.length > 0 && !/^[1-9][0-9]{0,14}$/.test(s))
    await fc.assert(
      fc.asyncProperty(segment, fc.string({ maxLength: 30 }), async (id, ifMatch) => {
        const badIfMatch = /^(?:W\/)?"?[1-9][0-9]{0,9}"?$/.test(ifMatch) ? 'nope' : ifMatch.replace(/[\r\n\0]/g, '') || 'x'
        await send('PATCH', `/api/admin/users/${targetId}`, JSON.stringify({ name: 'Ok' }), { ...admin.headers, 'If-Match': badIfMatch })
        await send('PATCH', `/api/admin/users/${id}`, JSON.stringify({ name: 'Ok' }), { ...admin.headers, 'If-Match': '"1"' })
        await send('GET', `/api/admin/users/${id}`, undefined, admin.headers)
        await send('DELETE', `/api/admin/tokens/${id}`, undefined, admin.headers)
      }),
      { numRuns: 40 },
    )
    const query = fc.dictionary(fc.constantFrom('limit', 'cursor', 'role', 'status', 'actor_id', 'resource_type', 'resource_id', 'action', 'x'), fc.string(), { minKeys: 1, maxKeys: 3 })
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/api/admin/users', '/api/admin/tokens', '/api/admin/audit-log'), async (params, path) => {
        const res = await SELF.fetch(`${BASE}${path}?${new URLSearchParams(params)}`, { headers: admin.headers })
        expect(res.status, `${path}?${new URLSearchParams(params)}`).toBeLessThan(500)
        await res.arrayBuffer()
      }),
      { numRuns: 60 },
    )
    expect(await snapshot()).toEqual(before)
  })
})
