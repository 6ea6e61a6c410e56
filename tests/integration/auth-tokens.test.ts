import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../worker/lib/secret-token'
import { ACCESS_TOKEN_DEFAULT_DAYS } from '../../worker/services/auth/access-tokens'
import { loginAs } from '../helpers/auth'
import { auditFor, call, db } from '../helpers/auth-requests'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })

async function mint(headers: Record<string, string>, body: unknown = { name: 'Xuất bản tự động' }) {
  const res = await call('POST', '/api/admin/tokens', { headers, body })
  expect(res.status).toBe(201)
  return res.body.data as { id: number; token: string; prefix: string; expires_at: string; name: string }
}

describe('personal access tokens', () => {
  it('shows the secret once at creation, then only its prefix; stores only a hash', async () => {
    const { headers, user } = await loginAs('editor')
    const created = await mint(headers)
    expect(created.token).toMatch(/^tin_pat_[A-Za-z0-9_-]{43}$/)
    expect(created.token.startsWith(created.prefix)).toBe(true)
    expect(created.name).toBe('Xuất bản tự động')
    const days = (Date.parse(created.expires_at) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(ACCESS_TOKEN_DEFAULT_DAYS - 1)
    expect(days).toBeLessThanOrEqual(ACCESS_TOKEN_DEFAULT_DAYS)

    const list = await call('GET', '/api/admin/tokens', { headers })
    expect(list.body.data).toHaveLength(1)
    expect(list.body.data[0]).toMatchObject({ id: created.id, prefix: created.prefix, revoked_at: null, last_used_at: null })
    expect(JSON.stringify(list.body)).not.toContain(created.token)
    const row = await db().selectFrom('personal_access_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(await sha256Hex(created.token))
    expect(row.user_id).toBe(user.id)
    expect((await auditFor('token.created')).find((e) => e.resource_id === String(created.id))?.actor_id).toBe(user.id)
  })

  it('authenticates as its owner without a cookie or Origin, and records when it was used', async () => {
    const { headers, user } = await loginAs('author')
    const { token, id } = await mint(headers, { name: 'script', expires_in_days: 7 })
    const me = await call('GET', '/api/admin/me', { headers: bearer(token) })
    expect(me.status).toBe(200)
    expect(me.body.data.id).toBe(user.id)
    const row = await db().selectFrom('personal_access_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.last_used_at).not.toBeNull()
  })

  it('stops working once revoked, and revoking twice is harmless', async () => {
    const { headers } = await loginAs('editor')
    const { token, id } = await mint(headers)
    expect((await call('DELETE', `/api/admin/tokens/${id}`, { headers })).status).toBe(204)
    expect((await call('GET', '/api/admin/me', { headers: bearer(token) })).status).toBe(401)
    expect((await call('DELETE', `/api/admin/tokens/${id}`, { headers })).status).toBe(204)
    expect((await auditFor('token.revoked')).filter((e) => e.resource_id === String(id))).toHaveLength(1)
    const list = await call('GET', '/api/admin/tokens', { headers })
    expect(list.body.data.find((t: any) => t.id === id).revoked_at).not.toBeNull()
  })

  it('stops working once expired', async () => {
    const { headers } = await loginAs('editor')
    const { token, id } = await mint(headers)
    await db().updateTable('personal_access_tokens').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute()
    expect((await call('GET', '/api/admin/me', { headers: bearer(token) })).status).toBe(401)
  })

  it('refuses malformed and unknown bearer values', async () => {
    for (const value of ['Bearer', 'Bearer ', 'Basic abc', 'Bearer tin_pat_nope', `Bearer tin_pat_${'A'.repeat(43)}`, 'Bearer a b']) {
      expect((await call('GET', '/api/admin/me', { headers: { Authorization: value } })).status, value).toBe(401)
    }
  })

  it('cannot be revoked, or seen, by another user', async () => {
    const owner = await loginAs('editor')
    const other = await loginAs('admin')
    const { token, id } = await mint(owner.headers)
    expect((await call('DELETE', `/api/admin/tokens/${id}`, { headers: other.headers })).status).toBe(404)
    expect((await call('GET', '/api/admin/tokens', { headers: other.headers })).body.data).toEqual([])
    expect((await call('GET', '/api/admin/me', { headers: bearer(token) })).status).toBe(200)
  })

  it('cannot change its owner password', async () => {
    const { headers } = await loginAs('editor')
    const { token } = await mint(headers)
    const res = await call('POST', '/api/admin/me/password', { headers: bearer(token), body: { current_password: 'x', new_password: 'a-new-password-1' } })
    expect(res.status).toBe(403)
  })

  it('pages the list newest first with a cursor', async () => {
    const { headers } = await loginAs('editor')
    const ids: number[] = []
    for (let i = 0; i < 5; i++) ids.push((await mint(headers, { name: `t${i}` })).id)
    const first = await call('GET', '/api/admin/tokens?limit=2', { headers })
    const second = await call('GET', `/api/admin/tokens?limit=2&cursor=${first.body.next_cursor}`, { headers })
    const third = await call('GET', `/api/admin/tokens?limit=2&cursor=${second.body.next_cursor}`, { headers })
    const seen = [...first.body.data, ...second.body.data, ...third.body.data].map((t: any) => t.id)
    expect(seen).toEqual([...ids].reverse())
    expect(third.body.next_cursor).toBeNull()
  })
})
