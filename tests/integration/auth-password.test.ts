import { describe, expect, it } from 'vitest'
import {
  hashPassword,
  parsePasswordHash,
  PBKDF2_ITERATIONS,
  PBKDF2_MAX_ITERATIONS,
  verifyPassword,
} from '../../worker/services/password'
import { createStaff, loginAs, tokenFor } from '../helpers/auth'
import { auditFor, call, db, login } from '../helpers/auth-requests'

describe('password hashing', () => {
  it('never uses more PBKDF2 iterations than the Workers production cap of 100,000', async () => {
    expect(PBKDF2_MAX_ITERATIONS).toBeLessThanOrEqual(100_000)
    expect(PBKDF2_ITERATIONS).toBeLessThanOrEqual(PBKDF2_MAX_ITERATIONS)
    const { user } = await createStaff('editor')
    const stored = await db().selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()
    expect(parsePasswordHash(stored.password_hash)!.iterations).toBeLessThanOrEqual(100_000)
    await expect(hashPassword('x'.repeat(12), 100_001)).rejects.toThrow(RangeError)
  })

  it('stores the scheme, iterations, a 16-byte salt and the hash together', async () => {
    const stored = await hashPassword('Mật khẩu: Đà Nẵng 2017')
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/)
    expect(parsePasswordHash(stored)!.salt).toHaveLength(16)
  })

  it('salts per password: the same password hashes differently for two users', async () => {
    const a = await createStaff('author', { password: 'the-same-password-1' })
    const b = await createStaff('author', { password: 'the-same-password-1' })
    const hashes = await db().selectFrom('users').select('password_hash').where('id', 'in', [a.user.id, b.user.id]).execute()
    expect(hashes[0]!.password_hash).not.toBe(hashes[1]!.password_hash)
  })

  it('verifies with the iteration count stored in the hash, so the default can change later', async () => {
    const older = await hashPassword('a password from before', 1000)
    expect(older.split('$')[1]).toBe('1000')
    expect(await verifyPassword('a password from before', older)).toBe(true)
    expect(await verifyPassword('a password from befor', older)).toBe(false)
  })

  it('never matches a malformed hash or one beyond the cap', async () => {
    const good = await hashPassword('some-password-1', 10)
    const beyond = good.replace('$10$', '$100001$')
    expect(await verifyPassword('some-password-1', beyond)).toBe(false)
    for (const bad of ['', 'plain', 'pbkdf2-sha256$x$y$z', good.replace('pbkdf2-sha256', 'md5'), good.slice(0, -10)]) {
      expect(await verifyPassword('some-password-1', bad)).toBe(false)
    }
  })
})

describe('changing my password', () => {
  const change = (headers: Record<string, string>, current_password: string, new_password: string) =>
    call('POST', '/api/admin/me/password', { headers, body: { current_password, new_password } })

  it('needs the current password; a wrong one changes nothing', async () => {
    const { user, password } = await createStaff('editor')
    const { headers } = await loginAs({ email: user.email, password })
    const res = await change(headers, 'not-my-password', 'brand-new-password-1')
    expect(res.status).toBe(403)
    expect(res.body.error.details[0].path).toBe('json.current_password')
    expect((await login(user.email, password)).status).toBe(200)
  })

  it('switches the password, keeps this session and ends every other one', async () => {
    const { user, password } = await createStaff('editor')
    const here = await loginAs({ email: user.email, password })
    const elsewhere = await loginAs({ email: user.email, password })
    const res = await change(here.headers, password, 'brand-new-password-1')
    expect(res.status).toBe(200)
    expect(res.body.data.version).toBe(user.version + 1)
    expect((await call('GET', '/api/admin/me', { headers: here.headers })).status).toBe(200)
    expect((await call('GET', '/api/admin/me', { headers: elsewhere.headers })).status).toBe(401)
    expect((await login(user.email, password, '198.51.100.50')).status).toBe(401)
    expect((await login(user.email, 'brand-new-password-1')).status).toBe(200)
    expect((await auditFor('password.changed')).some((e) => e.actor_id === user.id)).toBe(true)
  })

  it('kills every token of the user at once (whoever knew the old password may have minted one)', async () => {
    const { headers, user, password } = await tokenFor('author')
    const session = await loginAs({ email: user.email, password })
    const minted: string[] = []
    for (const scopes of [['content:read'], ['content:read', 'content:write']]) {
      const res = await call('POST', '/api/admin/tokens', { headers: session.headers, body: { name: `script ${scopes.length}`, scopes } })
      minted.push(res.body.data.token)
    }
    const all = [headers, ...minted.map((t) => ({ Authorization: `Bearer ${t}` }))]
    for (const h of all) expect((await call('GET', '/api/admin/me', { headers: h })).status).toBe(200)
    expect((await change(session.headers, password, 'brand-new-password-2')).status).toBe(200)
    for (const h of all) expect((await call('GET', '/api/admin/me', { headers: h })).status).toBe(401)
    const live = await db().selectFrom('personal_access_tokens').select('id').where('user_id', '=', user.id).where('revoked_at', 'is', null).execute()
    expect(live).toEqual([])
    // The session that changed it goes on.
    expect((await call('GET', '/api/admin/me', { headers: session.headers })).status).toBe(200)
  })

  it('refuses a too-short new password and one equal to the current', async () => {
    const { user, password } = await createStaff('author')
    const { headers } = await loginAs({ email: user.email, password })
    expect((await change(headers, password, 'short')).status).toBe(400)
    const same = await change(headers, password, password)
    expect(same.status).toBe(400)
    expect(same.body.error.details[0].path).toBe('json.new_password')
  })

  it('counts wrong current passwords as failed sign-ins, so a stolen session cannot guess freely', async () => {
    const { user, password } = await createStaff('editor')
    const { headers } = await loginAs({ email: user.email, password })
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await change(headers, `guess-number-${i}`, 'brand-new-password-3')).status)
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429])
    expect((await change(headers, password, 'brand-new-password-3')).status).toBe(429)
  })
})
