import { describe, expect, it } from 'vitest'
import type { Role } from '../../schema/database'
import { loginAs, tokenFor } from '../helpers/auth'
import { auditFor, call, db, login } from '../helpers/auth-requests'

const newStaff = (role: Role = 'author') => ({ email: `nv-${crypto.randomUUID().slice(0, 8)}@tin.test`, name: 'Nguyễn Thị Hà', role, password: 'mật-khẩu-ban-đầu' })

async function createViaApi(headers: Record<string, string>, role: Role = 'author') {
  const body = newStaff(role)
  const res = await call('POST', '/api/admin/users', { headers, body })
  expect(res.status).toBe(201)
  return { ...res.body.data, password: body.password, etag: res.headers.get('ETag') } as { id: number; email: string; version: number; password: string; etag: string }
}

const patch = (headers: Record<string, string>, id: number, body: unknown, ifMatch?: string) =>
  call('PATCH', `/api/admin/users/${id}`, { headers: ifMatch === undefined ? headers : { ...headers, 'If-Match': ifMatch }, body })

describe('who may manage staff', () => {
  const routes = (id: number) => [
    ['GET', '/api/admin/users', undefined],
    ['POST', '/api/admin/users', newStaff()],
    ['GET', `/api/admin/users/${id}`, undefined],
    ['PATCH', `/api/admin/users/${id}`, { name: 'Tên mới' }],
    ['GET', '/api/admin/audit-log', undefined],
  ] as const

  it('only admins: other roles get 403 and change nothing, anonymous callers 401', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers)
    const before = await db().selectFrom('users').selectAll().orderBy('id').execute()
    for (const role of ['editor', 'author', 'contributor'] as const) {
      for (const auth of [(await loginAs(role)).headers, (await tokenFor(role)).headers]) {
        for (const [method, path, body] of routes(target.id)) {
          const res = await call(method, path, { headers: { ...auth, 'If-Match': `"${target.version}"` }, body })
          expect(res.status, `${role} ${method} ${path}`).toBe(403)
        }
      }
    }
    for (const [method, path, body] of routes(target.id)) {
      const res = await call(method, path, { headers: { 'Content-Type': 'application/json' }, body })
      expect(res.status, `anonymous ${method} ${path}`).toBe(401)
    }
    const after = await db().selectFrom('users').selectAll().where('id', 'in', before.map((u) => u.id)).orderBy('id').execute()
    expect(after).toEqual(before)
  })

  it('admins may, with a session or a token', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers)
    const bearer = (await tokenFor('admin')).headers
    for (const auth of [admin.headers, bearer]) {
      for (const [method, path] of routes(target.id)) {
        if (method === 'POST' || method === 'PATCH') continue
        expect((await call(method, path, { headers: auth })).status, `${method} ${path}`).toBe(200)
      }
    }
    const renamed = await patch(bearer, target.id, { name: 'Đổi bằng token' }, `"${target.version}"`)
    expect(renamed.status).toBe(200)
  })
})

describe('creating staff', () => {
  it('creates an account that can sign in, with Location and ETag, and audits it', async () => {
    const admin = await loginAs('admin')
    const created = await createViaApi(admin.headers, 'editor')
    expect(created).toMatchObject({ role: 'editor', status: 'active', name: 'Nguyễn Thị Hà', version: 1 })
    expect(created.etag).toBe('"1"')
    expect((await login(created.email, created.password)).body.data.id).toBe(created.id)
    const entry = (await auditFor('user.created')).find((e) => e.resource_id === String(created.id))
    expect(entry).toMatchObject({ actor_id: admin.user.id, resource_type: 'user' })
    expect(JSON.parse(entry!.details)).toMatchObject({ role: 'editor', email: created.email })
  })

  it('refuses an email already used, whatever its case', async () => {
    const admin = await loginAs('admin')
    const created = await createViaApi(admin.headers)
    const again = await call('POST', '/api/admin/users', { headers: admin.headers, body: { ...newStaff(), email: created.email.toUpperCase() } })
    expect(again.status).toBe(409)
    expect(again.body.error.details[0].path).toBe('json.email')
  })

  it('parallel creates of one email, in any case: one account, the others 409', async () => {
    const admin = await loginAs('admin')
    const body = newStaff()
    const emails = [body.email, body.email.toUpperCase(), body.email, body.email.toUpperCase()]
    const results = await Promise.all(emails.map((email) => call('POST', '/api/admin/users', { headers: admin.headers, body: { ...body, email } })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409])
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.error.details[0].path).toBe('json.email')
    const rows = await db().selectFrom('users').select('id').where('email', '=', body.email).execute()
    expect(rows).toHaveLength(1)
    expect((await auditFor('user.created')).filter((e) => e.resource_id === String(rows[0]!.id))).toHaveLength(1)
  })

  it('refuses fields it does not know (no mass assignment of status, version, hash…)', async () => {
    const admin = await loginAs('admin')
    for (const extra of [{ status: 'suspended' }, { version: 9 }, { password_hash: 'x' }, { id: 1 }]) {
      const res = await call('POST', '/api/admin/users', { headers: admin.headers, body: { ...newStaff(), ...extra } })
      expect(res.status, JSON.stringify(extra)).toBe(400)
    }
  })
})

describe('changing staff', () => {
  it('needs If-Match: 428 without, 412 with a stale version (and the current one in ETag)', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers)
    const missing = await patch(admin.headers, target.id, { name: 'A' })
    expect(missing.status).toBe(428)
    expect(missing.body.error.code).toBe('precondition_required')
    expect((await patch(admin.headers, target.id, { name: 'B' }, '"1"')).status).toBe(200)
    const stale = await patch(admin.headers, target.id, { name: 'C' }, '"1"')
    expect(stale.status).toBe(412)
    expect(stale.headers.get('ETag')).toBe('"2"')
    expect(stale.body.error.details).toEqual([{ path: 'header.if-match', message: 'current version is 2' }])
    expect((await call('GET', `/api/admin/users/${target.id}`, { headers: admin.headers })).body.data.name).toBe('B')
  })

  it('answers 404 for an unknown user', async () => {
    const admin = await loginAs('admin')
    expect((await patch(admin.headers, 999_999, { name: 'X' }, '"1"')).status).toBe(404)
    expect((await call('GET', '/api/admin/users/999999', { headers: admin.headers })).status).toBe(404)
  })

  it('a role change applies to the user’s open session at once, and is audited with before and after', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers, 'editor')
    const theirs = await loginAs({ email: target.email, password: target.password })
    expect((await call('GET', '/api/admin/users', { headers: theirs.headers })).status).toBe(403)
    expect((await patch(admin.headers, target.id, { role: 'admin' }, '"1"')).body.data.role).toBe('admin')
    expect((await call('GET', '/api/admin/users', { headers: theirs.headers })).status).toBe(200)
    const entry = (await auditFor('user.changed')).find((e) => e.resource_id === String(target.id))
    expect(JSON.parse(entry!.details)).toEqual({ role: { from: 'editor', to: 'admin' } })
  })

  it('suspension signs the user out everywhere, revokes their tokens and blocks sign-in; reactivation lets them in again', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers, 'editor')
    const session = await loginAs({ email: target.email, password: target.password })
    const token = await call('POST', '/api/admin/tokens', { headers: session.headers, body: { name: 'cron' } })
    const bearer = { Authorization: `Bearer ${token.body.data.token}` }

    const suspended = await patch(admin.headers, target.id, { status: 'suspended' }, '"1"')
    expect(suspended.status).toBe(200)
    expect(suspended.body.data.status).toBe('suspended')
    expect((await call('GET', '/api/admin/me', { headers: session.headers })).status).toBe(401)
    expect((await call('GET', '/api/admin/me', { headers: bearer })).status).toBe(401)
    expect(await db().selectFrom('sessions').select('id').where('user_id', '=', target.id).execute()).toEqual([])
    expect((await login(target.email, target.password, '198.51.100.9')).status).toBe(401)
    expect((await auditFor('user.suspended')).some((e) => e.resource_id === String(target.id))).toBe(true)

    expect((await patch(admin.headers, target.id, { status: 'active' }, '"2"')).status).toBe(200)
    expect((await login(target.email, target.password, '198.51.100.10')).status).toBe(200)
    expect((await call('GET', '/api/admin/me', { headers: bearer })).status).toBe(401)
    expect((await auditFor('user.reactivated')).some((e) => e.resource_id === String(target.id))).toBe(true)
  })

  it('a change to nothing new writes nothing', async () => {
    const admin = await loginAs('admin')
    const target = await createViaApi(admin.headers, 'author')
    const res = await patch(admin.headers, target.id, { role: 'author' }, '"1"')
    expect(res.status).toBe(200)
    expect(res.body.data.version).toBe(1)
  })
})

describe('listing staff', () => {
  it('pages in id order and filters by role and status', async () => {
    const admin = await loginAs('admin')
    for (let i = 0; i < 3; i++) await createViaApi(admin.headers, 'contributor')
    const all: number[] = []
    let cursor: string | null = null
    do {
      const page: any = await call('GET', `/api/admin/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: admin.headers })
      all.push(...page.body.data.map((u: any) => u.id))
      cursor = page.body.next_cursor
    } while (cursor)
    const ids = (await db().selectFrom('users').select('id').orderBy('id').execute()).map((u) => u.id)
    expect(all).toEqual(ids)
    const contributors = await call('GET', '/api/admin/users?role=contributor&limit=100', { headers: admin.headers })
    expect(contributors.body.data.length).toBeGreaterThanOrEqual(3)
    expect(contributors.body.data.every((u: any) => u.role === 'contributor')).toBe(true)
    expect(JSON.stringify(contributors.body)).not.toContain('pbkdf2')
  })
})
