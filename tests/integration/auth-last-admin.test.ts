import { describe, expect, it } from 'vitest'
import { loginAs } from '../helpers/auth'
import { call, db } from '../helpers/auth-requests'

// This file's D1 starts empty, so the first admin created here is the only one.
const patch = (headers: Record<string, string>, id: number, version: number, body: unknown) =>
  call('PATCH', `/api/admin/users/${id}`, { headers: { ...headers, 'If-Match': `"${version}"` }, body })
const versionOf = async (id: number) => (await db().selectFrom('users').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version
const activeAdmins = async () => (await db().selectFrom('users').select('id').where('role', '=', 'admin').where('status', '=', 'active').execute()).length

describe('the newsroom always keeps an active admin', () => {
  it('the only admin cannot demote or suspend themself; with a second admin they can', async () => {
    const only = await loginAs('admin')
    expect(await activeAdmins()).toBe(1)
    const demote = await patch(only.headers, only.user.id, 1, { role: 'editor' })
    expect(demote.status).toBe(409)
    expect(demote.body.error.code).toBe('conflict')
    expect((await patch(only.headers, only.user.id, 1, { status: 'suspended' })).status).toBe(409)
    expect((await patch(only.headers, only.user.id, 1, { name: 'Tổng biên tập' })).status).toBe(200)
    expect(await activeAdmins()).toBe(1)

    const second = await loginAs('admin')
    expect((await patch(only.headers, only.user.id, 2, { role: 'editor' })).status).toBe(200)
    expect(await activeAdmins()).toBe(1)
    expect((await patch(second.headers, second.user.id, 1, { status: 'suspended' })).status).toBe(409)
  })

  it('two admins demoting each other at the same moment leave at least one admin', async () => {
    await db().updateTable('users').set({ role: 'editor' }).where('role', '=', 'admin').execute()
    const a = await loginAs('admin')
    const b = await loginAs('admin')
    const results = await Promise.all([
      patch(a.headers, b.user.id, await versionOf(b.user.id), { role: 'editor' }),
      patch(b.headers, a.user.id, await versionOf(a.user.id), { role: 'editor' }),
      patch(a.headers, a.user.id, await versionOf(a.user.id), { status: 'suspended' }),
      patch(b.headers, b.user.id, await versionOf(b.user.id), { status: 'suspended' }),
    ])
    expect(results.every((r) => r.status < 500)).toBe(true)
    expect(await activeAdmins()).toBeGreaterThanOrEqual(1)
  })
})
