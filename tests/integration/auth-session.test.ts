import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../worker/services/auth/sessions'
import { sha256Hex } from '../../worker/lib/secret-token'
import { BASE, createStaff, loginAs, ORIGIN, tokenFor } from '../helpers/auth'
import { auditFor, call, db, login } from '../helpers/auth-requests'

const tokenOf = (cookie: string) => cookie.slice('tin_session='.length)
const sessionRow = async (cookie: string) =>
  db().selectFrom('sessions').selectAll().where('token_hash', '=', await sha256Hex(tokenOf(cookie))).executeTakeFirst()

describe('sign in, who am I, sign out', () => {
  it('signs in with the right password and answers /me with that user, never the hash', async () => {
    const { user, password } = await createStaff('editor')
    const res = await login(user.email, password)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: user.id, email: user.email, role: 'editor', status: 'active' })
    expect(JSON.stringify(res.body)).not.toContain('pbkdf2')
    const cookie = /tin_session=[^;]+/.exec(res.headers.get('Set-Cookie')!)![0]
    const me = await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })
    expect(me.status).toBe(200)
    expect(me.body.data).toMatchObject({ id: user.id, email: user.email, name: user.name })
    expect(me.headers.get('Cache-Control')).toBe('no-store')
  })

  it('accepts the email in any case and with spaces around it', async () => {
    const { user, password } = await createStaff('author')
    expect((await login(`  ${user.email.toUpperCase()} `, password)).status).toBe(200)
  })

  it('sets a HttpOnly, Secure, SameSite=Strict cookie scoped to the admin API, with the absolute lifetime', async () => {
    const { user, password } = await createStaff('author')
    const setCookie = (await login(user.email, password)).headers.get('Set-Cookie')!
    const [pair, ...attributes] = setCookie.split(/;\s*/)
    expect(pair).toMatch(/^tin_session=[A-Za-z0-9_-]{43}$/)
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/admin', `Max-Age=${SESSION_ABSOLUTE_MS / 1000}`]))
  })

  it('stores only a hash of the session token', async () => {
    const { cookie, user } = await loginAs('contributor')
    const rows = await db().selectFrom('sessions').selectAll().where('user_id', '=', user.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.token_hash).toBe(await sha256Hex(tokenOf(cookie)))
    expect(JSON.stringify(rows)).not.toContain(tokenOf(cookie))
  })

  it('answers 401 without a cookie, with an unknown one and with a malformed one', async () => {
    expect((await call('GET', '/api/admin/me')).status).toBe(401)
    const unknown = await call('GET', '/api/admin/me', { headers: { Cookie: `tin_session=${'A'.repeat(43)}` } })
    expect(unknown.status).toBe(401)
    expect(unknown.body.error.code).toBe('unauthorized')
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: 'tin_session=%00<script>' } })).status).toBe(401)
  })

  it('signs out: the cookie is cleared, the session deleted, and the old cookie stops working', async () => {
    const { cookie, headers, user } = await loginAs('editor')
    const out = await call('DELETE', '/api/admin/session', { headers })
    expect(out.status).toBe(204)
    expect(out.headers.get('Set-Cookie')).toMatch(/^tin_session=; Max-Age=0;/)
    expect(await sessionRow(cookie)).toBeUndefined()
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })).status).toBe(401)
    expect((await auditFor('logout')).some((e) => e.actor_id === user.id)).toBe(true)
  })

  it('refuses to sign out a bearer token (tokens are revoked, not signed out)', async () => {
    const { headers } = await tokenFor('editor')
    const res = await call('DELETE', '/api/admin/session', { headers })
    expect(res.status).toBe(400)
  })

  it('refuses a sign-in posted from another site (login CSRF) but allows one with no Origin (scripts)', async () => {
    const { user, password } = await createStaff('author')
    const foreign = await call('POST', '/api/admin/session', {
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: { email: user.email, password },
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('Set-Cookie')).toBeNull()
    const script = await call('POST', '/api/admin/session', { headers: { 'Content-Type': 'application/json' }, body: { email: user.email, password } })
    expect(script.status).toBe(200)
  })

  it('records successful sign-ins in the audit log with the client IP', async () => {
    const { user, password } = await createStaff('editor')
    await login(user.email, password, '203.0.113.77')
    const entry = (await auditFor('login.succeeded')).find((e) => e.actor_id === user.id)
    expect(entry).toMatchObject({ resource_type: 'user', resource_id: String(user.id), ip: '203.0.113.77' })
  })
})

describe('session lifetime', () => {
  it('ends a session past its absolute expiry even while in use', async () => {
    const { cookie } = await loginAs('editor')
    const row = (await sessionRow(cookie))!
    await db().updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', row.id).execute()
    const res = await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })
    expect(res.status).toBe(401)
    expect(res.headers.get('Set-Cookie')).toMatch(/^tin_session=; Max-Age=0;/)
    expect(await sessionRow(cookie)).toBeUndefined()
  })

  it('ends a session left idle longer than the idle timeout, but not one idle for less', async () => {
    const fresh = await loginAs('editor')
    const idle = await loginAs('editor')
    const setLastSeen = async (cookie: string, ms: number) =>
      db().updateTable('sessions').set({ last_seen_at: new Date(Date.now() - ms).toISOString() }).where('id', '=', (await sessionRow(cookie))!.id).execute()
    await setLastSeen(fresh.cookie, SESSION_IDLE_MS - 60_000)
    await setLastSeen(idle.cookie, SESSION_IDLE_MS + 1000)
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: fresh.cookie } })).status).toBe(200)
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: idle.cookie } })).status).toBe(401)
  })

  it('moves last_seen_at at most once a minute, not on every request', async () => {
    const { cookie } = await loginAs('author')
    const first = (await sessionRow(cookie))!.last_seen_at
    for (let i = 0; i < 3; i++) expect((await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })).status).toBe(200)
    expect((await sessionRow(cookie))!.last_seen_at).toBe(first)
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString()
    await db().updateTable('sessions').set({ last_seen_at: twoMinutesAgo }).where('id', '=', (await sessionRow(cookie))!.id).execute()
    await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })
    expect((await sessionRow(cookie))!.last_seen_at > twoMinutesAgo).toBe(true)
  })

  it('refuses the session of a user suspended behind its back', async () => {
    const { cookie, user } = await loginAs('editor')
    await db().updateTable('users').set({ status: 'suspended' }).where('id', '=', user.id).execute()
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })).status).toBe(401)
  })
})

describe('test helpers', () => {
  it('loginAs and tokenFor give working credentials for their role', async () => {
    const signedIn = await loginAs('author')
    expect(signedIn.headers).toMatchObject({ Origin: ORIGIN, 'Content-Type': 'application/json' })
    expect((await call('GET', '/api/admin/me', { headers: signedIn.headers })).body.data.role).toBe('author')
    const bearer = await tokenFor('contributor')
    const res = await SELF.fetch(`${BASE}/api/admin/me`, { headers: bearer.headers })
    expect(((await res.json()) as any).data.role).toBe('contributor')
  })
})

describe('OpenAPI', () => {
  it('publishes every accounts route with its request schema', async () => {
    const spec = (await call('GET', '/api/openapi.json')).body
    for (const path of ['/api/admin/session', '/api/admin/me', '/api/admin/me/password', '/api/admin/users', '/api/admin/users/{id}', '/api/admin/tokens', '/api/admin/tokens/{id}', '/api/admin/audit-log']) {
      expect(spec.paths[path], path).toBeDefined()
    }
    const login = spec.paths['/api/admin/session'].post
    expect(JSON.stringify(login.requestBody)).toContain('password')
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '429']))
  })
})
