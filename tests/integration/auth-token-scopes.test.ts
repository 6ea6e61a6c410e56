/**
 * Personal access token scopes (issue 13): chosen at creation, never beyond the
 * role, enforced on every admin route family, narrowed by a role downgrade.
 * (A password change revoking every token: auth-password.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { requiredScope, ROLE_SCOPES, TOKEN_SCOPES, type TokenScope } from '../../worker/services/auth/token-scopes'
import { createStaff, loginAs, tokenFor } from '../helpers/auth'
import { call, db } from '../helpers/auth-requests'

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' })

async function mint(headers: Record<string, string>, scopes?: TokenScope[]) {
  return call('POST', '/api/admin/tokens', { headers, body: scopes ? { name: 'script', scopes } : { name: 'script' } })
}

/** One request per scope, each answered 2xx by an admin holding every scope. */
async function probes(headers: Record<string, string>, session: Record<string, string>) {
  const draft = await call('POST', '/api/admin/articles', { headers: session, body: { title: `Thử phạm vi ${crypto.randomUUID()}` } })
  return {
    'content:read': () => call('GET', '/api/admin/articles?limit=1', { headers }),
    'content:write': () => call('POST', '/api/admin/tags', { headers, body: { name: `Nhãn ${crypto.randomUUID().slice(0, 8)}` } }),
    publish: () => call('POST', `/api/admin/articles/${draft.body.data?.id ?? 0}/publish`, { headers, body: {} }),
    admin: () => call('GET', '/api/admin/users', { headers }),
  } satisfies Record<TokenScope, () => Promise<{ status: number }>>
}

describe('the scope table', () => {
  it('maps every admin route family to a scope, unknown paths to admin', () => {
    expect(requiredScope('GET', '/articles/7/revisions')).toBe('content:read')
    expect(requiredScope('GET', '/search')).toBe('content:read')
    expect(requiredScope('PATCH', '/articles/7')).toBe('content:write')
    expect(requiredScope('POST', '/media')).toBe('content:write')
    expect(requiredScope('POST', '/articles/7/schedule')).toBe('publish')
    expect(requiredScope('POST', '/articles/7/unpublish')).toBe('publish')
    expect(requiredScope('GET', '/users')).toBe('admin')
    expect(requiredScope('GET', '/audit-log')).toBe('admin')
    expect(requiredScope('GET', '/api-keys')).toBe('admin')
    expect(requiredScope('GET', '/me')).toBeNull()
  })

  it('no role may grant more than it has', () => {
    expect(ROLE_SCOPES).toEqual({
      admin: ['content:read', 'content:write', 'publish', 'admin'],
      editor: ['content:read', 'content:write', 'publish'],
      author: ['content:read', 'content:write'],
      contributor: ['content:read', 'content:write'],
    })
  })
})

describe('choosing scopes', () => {
  it('defaults to content:read and lists the scopes with the token', async () => {
    const { headers } = await loginAs('editor')
    const res = await mint(headers)
    expect(res.status).toBe(201)
    expect(res.body.data.scopes).toEqual(['content:read'])
    const list = await call('GET', '/api/admin/tokens', { headers })
    expect(list.body.data[0].scopes).toEqual(['content:read'])
  })

  it.each([
    ['author', ['publish']],
    ['contributor', ['content:read', 'admin']],
    ['editor', ['admin']],
  ] as const)('a %s asking for %s gets a 403 and no token', async (role, scopes) => {
    const { headers, user } = await loginAs(role)
    const res = await mint(headers, [...scopes])
    expect(res.status).toBe(403)
    expect(res.body.error.details[0].path).toBe('json.scopes')
    expect(await db().selectFrom('personal_access_tokens').select('id').where('user_id', '=', user.id).execute()).toEqual([])
  })

  it('an unknown scope is a 400', async () => {
    const { headers } = await loginAs('admin')
    expect((await mint(headers, ['everything' as TokenScope])).status).toBe(400)
  })
})

describe('enforcement', () => {
  it.each(TOKEN_SCOPES.map((s) => [s]))('a token with only %s passes that family and is refused the others with insufficient_scope', async (only) => {
    const { headers } = await loginAs('admin')
    const { token } = (await mint(headers, [only])).body.data
    const all = await probes(headers, headers)
    const with1 = await probes(bearer(token), headers)
    for (const scope of TOKEN_SCOPES) {
      const res = await with1[scope]()
      if (scope === only) {
        expect(res.status, scope).toBeLessThan(300)
      } else {
        expect(res.status, scope).toBe(403)
        expect((res as any).headers.get('WWW-Authenticate')).toBe(`Bearer error="insufficient_scope", scope="${scope}"`)
      }
    }
    expect((await all.admin()).status).toBe(200)
  })

  it('a role downgrade narrows existing tokens at once', async () => {
    const boss = await loginAs('admin')
    const { user, password } = await createStaff('admin')
    const own = await loginAs({ email: user.email, password })
    const { token } = (await mint(own.headers, [...TOKEN_SCOPES])).body.data
    expect((await call('GET', '/api/admin/users', { headers: bearer(token) })).status).toBe(200)
    const etag = (await call('GET', `/api/admin/users/${user.id}`, { headers: boss.headers })).headers.get('ETag')!
    expect((await call('PATCH', `/api/admin/users/${user.id}`, { headers: { ...boss.headers, 'If-Match': etag }, body: { role: 'author' } })).status).toBe(200)
    const p = await probes(bearer(token), boss.headers)
    expect((await p.admin()).status).toBe(403)
    expect((await p.publish()).status).toBe(403)
    expect((await p['content:read']()).status).toBe(200)
  })
})
