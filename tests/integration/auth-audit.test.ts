import { describe, expect, it } from 'vitest'
import { loginAs } from '../helpers/auth'
import { call, login } from '../helpers/auth-requests'

const ip = '203.0.113.9'

describe('audit log', () => {
  it('records every account event, readable by admins per resource and per actor', async () => {
    const admin = await loginAs('admin')
    const h = { ...admin.headers, 'CF-Connecting-IP': ip }
    const created = await call('POST', '/api/admin/users', { headers: h, body: { email: 'phong-vien@tin.test', name: 'Phóng viên', role: 'author', password: 'mật-khẩu-ban-đầu' } })
    const id = created.body.data.id as number
    await login('phong-vien@tin.test', 'sai-mật-khẩu', ip)
    const staff = await loginAs({ email: 'phong-vien@tin.test', password: 'mật-khẩu-ban-đầu' })
    const sh = { ...staff.headers, 'CF-Connecting-IP': ip }
    await call('POST', '/api/admin/me/password', { headers: sh, body: { current_password: 'mật-khẩu-ban-đầu', new_password: 'mật-khẩu-mới-123' } })
    const token = await call('POST', '/api/admin/tokens', { headers: sh, body: { name: 'máy in' } })
    await call('DELETE', `/api/admin/tokens/${token.body.data.id}`, { headers: sh })
    await call('DELETE', '/api/admin/session', { headers: sh })
    await call('PATCH', `/api/admin/users/${id}`, { headers: { ...h, 'If-Match': '"2"' }, body: { name: 'Phóng viên ảnh' } })
    await call('PATCH', `/api/admin/users/${id}`, { headers: { ...h, 'If-Match': '"3"' }, body: { status: 'suspended' } })

    const aboutUser = await call('GET', `/api/admin/audit-log?resource_type=user&resource_id=${id}&limit=100`, { headers: admin.headers })
    expect(aboutUser.status).toBe(200)
    expect(aboutUser.body.data.map((e: any) => e.action).reverse()).toEqual([
      'user.created',
      'login.failed',
      'login.succeeded',
      'password.changed',
      'logout',
      'user.changed',
      'user.suspended',
    ])
    expect(aboutUser.body.data.every((e: any) => e.resource_id === String(id))).toBe(true)

    const byStaff = await call('GET', `/api/admin/audit-log?actor_id=${id}&limit=100`, { headers: admin.headers })
    expect(byStaff.body.data.map((e: any) => e.action).reverse()).toEqual(['login.succeeded', 'password.changed', 'token.created', 'token.revoked', 'logout'])
    const tokenEntry = byStaff.body.data.find((e: any) => e.action === 'token.created')
    expect(tokenEntry).toMatchObject({ resource_type: 'token', resource_id: String(token.body.data.id), details: { name: 'máy in' }, ip })
    expect(tokenEntry.created_at).toMatch(/\+07:00$/)

    const failures = await call('GET', '/api/admin/audit-log?action=login.failed', { headers: admin.headers })
    expect(failures.body.data[0]).toMatchObject({ actor_id: null, details: { email: 'phong-vien@tin.test' } })
  })

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const admin = await loginAs('admin')
    for (let i = 0; i < 5; i++) await call('POST', '/api/admin/tokens', { headers: admin.headers, body: { name: `t${i}` } })
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: any = await call('GET', `/api/admin/audit-log?actor_id=${admin.user.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin.headers })
      seen.push(...page.body.data.map((e: any) => e.id))
      cursor = page.body.next_cursor
    } while (cursor)
    expect(seen).toHaveLength(6) // the sign-in and five tokens
    expect([...seen].sort((a, b) => b - a)).toEqual(seen)
  })

  it('rejects a cursor from another list and unknown filters', async () => {
    const admin = await loginAs('admin')
    const users = await call('GET', '/api/admin/users?limit=1', { headers: admin.headers })
    expect((await call('GET', `/api/admin/audit-log?cursor=${users.body.next_cursor}`, { headers: admin.headers })).status).toBe(400)
    expect((await call('GET', '/api/admin/audit-log?actor=1', { headers: admin.headers })).status).toBe(400)
    const idWithoutType = await call('GET', '/api/admin/audit-log?resource_id=5', { headers: admin.headers })
    expect(idWithoutType.body.error.details).toEqual([{ path: 'query.resource_id', message: 'needs resource_type as well' }])
  })
})
