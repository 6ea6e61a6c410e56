import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { BASE, ORIGIN } from '../helpers/auth'
import { auditFor, authRowCounts, db } from '../helpers/auth-requests'

// This file's D1 starts with no users. The worker reads ADMIN_EMAIL/ADMIN_PASSWORD
// from its env, so these requests go through the real app with those secrets added.
const ADMIN = { ADMIN_EMAIL: 'Tong.Bien.Tap@tin.test', ADMIN_PASSWORD: 'mật-khẩu-quản-trị' }

const signIn = (email: string, password: string, secrets: Partial<typeof ADMIN> = {}) =>
  app.request(
    `${BASE}/api/admin/session`,
    { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': '198.51.100.200' }, body: JSON.stringify({ email, password }) },
    // A developer's .dev.vars reaches the test env too: start from no secrets either way.
    { ...env, ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, ...secrets },
  )

describe('first admin from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('creates nobody while the secrets are unset', async () => {
    expect((await signIn(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD)).status).toBe(401)
    expect((await authRowCounts()).users).toBe(0)
  })

  it('creates nobody from a password too short to be safe', async () => {
    const weak = await signIn(ADMIN.ADMIN_EMAIL, 'shortpass', { ADMIN_EMAIL: ADMIN.ADMIN_EMAIL, ADMIN_PASSWORD: 'shortpass' })
    expect(weak.status).toBe(401)
    expect((await authRowCounts()).users).toBe(0)
  })

  it('creates exactly one admin when several first sign-ins arrive at once, and signs them in', async () => {
    const responses = await Promise.all([1, 2, 3].map(() => signIn(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD, ADMIN)))
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200])
    const users = await db().selectFrom('users').select(['email', 'role', 'status']).execute()
    expect(users).toEqual([{ email: 'tong.bien.tap@tin.test', role: 'admin', status: 'active' }])
    const body = (await responses[0]!.json()) as any
    expect(body.data).toMatchObject({ email: 'tong.bien.tap@tin.test', role: 'admin' })
    const created = await auditFor('user.created')
    expect(created).toHaveLength(1)
    expect(JSON.parse(created[0]!.details)).toEqual({ role: 'admin', source: 'ADMIN_EMAIL' })
  })

  it('never creates another once a user exists, whatever the secrets say later', async () => {
    const other = { ADMIN_EMAIL: 'someone-else@tin.test', ADMIN_PASSWORD: 'another-long-password' }
    expect((await signIn(other.ADMIN_EMAIL, other.ADMIN_PASSWORD, other)).status).toBe(401)
    expect((await authRowCounts()).users).toBe(1)
  })
})
