import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { BASE, createStaff, loginAs, ORIGIN, tokenFor } from '../helpers/auth'

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  SELF.fetch(`${BASE}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers }, body: JSON.stringify(body) })

describe('sign in, who am I, sign out', () => {
  it('signs in with the right password and answers /me with the user', async () => {
    const { user, password } = await createStaff('editor')
    const res = await post('/api/admin/session', { email: user.email, password })
    expect(res.status).toBe(200)
    const body = (await res.json()) as any
    expect(body.data).toMatchObject({ id: user.id, email: user.email, role: 'editor', status: 'active' })
    expect(body.data).not.toHaveProperty('password_hash')
    const cookie = /tin_session=([^;]+)/.exec(res.headers.get('Set-Cookie')!)![0]
    const me = await SELF.fetch(`${BASE}/api/admin/me`, { headers: { Cookie: cookie } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as any).data.email).toBe(user.email)
  })

  it('helpers: loginAs and tokenFor give working credentials', async () => {
    const { headers, user } = await loginAs('author')
    expect((await SELF.fetch(`${BASE}/api/admin/me`, { headers })).status).toBe(200)
    expect(user.role).toBe('author')
    const bearer = await tokenFor('contributor')
    const me = await SELF.fetch(`${BASE}/api/admin/me`, { headers: bearer.headers })
    expect(((await me.json()) as any).data.role).toBe('contributor')
  })
})
