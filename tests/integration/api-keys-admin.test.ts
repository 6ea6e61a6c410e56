import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../worker/lib/secret-token'
import { staffClient } from '../helpers/admin-api'
import { keyed, mintKey } from '../helpers/api-keys'
import { auditFor, db } from '../helpers/auth-requests'
import { createCategory } from '../helpers/fixtures'

describe('admin API for partner keys', () => {
  it('shows the secret once, stores only its hash, lists and reads the key without it', async () => {
    const admin = await staffClient('admin')
    const created = await mintKey(admin, { name: 'Cổng Zing', body: 'summary', tier: 'high' })
    expect(created.key).toMatch(/^tin_key_[A-Za-z0-9_-]{43}$/)
    expect(created.key.startsWith(created.prefix)).toBe(true)
    expect(created).toMatchObject({ name: 'Cổng Zing', body: 'summary', scopes: ['content'], category_ids: null, tier: 'high', status: 'active', rate_limit: { limit: 6000, period_seconds: 60 }, version: 1 })
    const row = await db().selectFrom('api_keys').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
    expect(row.key_hash).toBe(await sha256Hex(created.key))
    expect(JSON.stringify(row)).not.toContain(created.key)

    const list = await admin.get('/api-keys')
    expect(list.body.data.find((k: any) => k.id === created.id)).toMatchObject({ prefix: created.prefix })
    expect(JSON.stringify(list.body)).not.toContain(created.key)
    const one = await admin.get(`/api-keys/${created.id}`)
    expect(one.status).toBe(200)
    expect(one.body.data.usage).toEqual([])
    expect(one.res.headers.get('ETag')).toBe('"1"')
    expect(JSON.stringify(one.body)).not.toContain(created.key)
    expect((await auditFor('api_key.created')).find((e) => e.resource_id === String(created.id))?.actor_id).toBe(admin.user.id)
  })

  it('is for admins only', async () => {
    const editor = await staffClient('editor')
    expect((await editor.get('/api-keys')).status).toBe(403)
    expect((await editor.post('/api-keys', { name: 'x', body: 'full' })).status).toBe(403)
  })

  it('edits with If-Match (428 without, 412 stale) and audits', async () => {
    const admin = await staffClient('admin')
    const news = await createCategory('Thời sự khóa')
    const k = await mintKey(admin)
    expect((await admin.patch(`/api-keys/${k.id}`, { name: 'Mới' })).status).toBe(428)
    const ok = await admin.patch(`/api-keys/${k.id}`, { name: 'Đổi tên', body: 'summary', category_ids: [news.id], tier: 'trial' }, 1)
    expect(ok.status).toBe(200)
    expect(ok.body.data).toMatchObject({ name: 'Đổi tên', body: 'summary', category_ids: [news.id], tier: 'trial', version: 2 })
    expect((await admin.patch(`/api-keys/${k.id}`, { name: 'Cũ' }, 1)).status).toBe(412)
    expect((await admin.patch('/api-keys/987654', { name: 'Cũ' }, 1)).status).toBe(404)
    expect((await auditFor('api_key.updated')).some((e) => e.resource_id === String(k.id))).toBe(true)
  })

  it('refuses bad input: unknown category, unknown tier, past expiry, extra fields', async () => {
    const admin = await staffClient('admin')
    for (const body of [
      { name: 'x', body: 'full', category_ids: [987654] },
      { name: 'x', body: 'full', tier: 'unlimited' },
      { name: 'x', body: 'full', expires_at: '2001-01-01T00:00:00+07:00' },
      { name: 'x', body: 'everything' },
      { name: 'x', body: 'full', scopes: ['admin'] },
      { name: 'x', body: 'full', key_hash: 'abc' },
      { name: '', body: 'full' },
    ]) {
      const res = await admin.post('/api-keys', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })

  it('revokes with DELETE or POST …/revoke, audited once, and the key stays listed as revoked', async () => {
    const admin = await staffClient('admin')
    const a = await mintKey(admin)
    const b = await mintKey(admin)
    expect((await admin.del(`/api-keys/${a.id}`)).status).toBe(204)
    expect((await admin.post(`/api-keys/${b.id}/revoke`)).status).toBe(204)
    expect((await admin.del(`/api-keys/${a.id}`)).status).toBe(204)
    expect((await admin.del('/api-keys/987654')).status).toBe(404)
    expect((await auditFor('api_key.revoked')).filter((e) => e.resource_id === String(a.id))).toHaveLength(1)
    expect((await admin.get(`/api-keys/${a.id}`)).body.data).toMatchObject({ status: 'revoked' })
  })

  it('never lets a key into the admin API, whichever header carries it', async () => {
    const admin = await staffClient('admin')
    const k = await mintKey(admin)
    for (const as of ['x-api-key', 'bearer'] as const) {
      const res = await keyed('/api/admin/me', k.key, as)
      expect(res.status).toBe(401)
      expect(res.json.error.message).toMatch(/API keys are for the public API/)
    }
    // Even next to a valid session cookie.
    const withCookie = await keyed('/api/admin/api-keys', k.key, 'x-api-key', { headers: { Cookie: admin.headers.Cookie! } })
    expect(withCookie.status).toBe(401)
  })
})
