import { describe, expect, it } from 'vitest'
import { BASE, loginAs, tokenFor } from '../helpers/auth'
import { call, db } from '../helpers/auth-requests'

const tokenCount = async (userId: number) =>
  Number((await db().selectFrom('personal_access_tokens').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow()).n)

describe('CSRF: cookie-authenticated writes need this site as Origin', () => {
  const body = { name: 'deploy script' }

  it('refuses a cookie write without Origin, and writes nothing', async () => {
    const { cookie, user } = await loginAs('editor')
    const res = await call('POST', '/api/admin/tokens', { headers: { Cookie: cookie, 'Content-Type': 'application/json' }, body })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
    expect(await tokenCount(user.id)).toBe(0)
  })

  it('refuses a cookie write from another origin, including a look-alike and "null"', async () => {
    const { cookie, user } = await loginAs('editor')
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8788', 'https://127.0.0.1:8787', `${BASE}.evil.example`, 'null']) {
      const res = await call('POST', '/api/admin/tokens', { headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' }, body })
      expect(res.status, origin).toBe(403)
    }
    const del = await call('DELETE', '/api/admin/session', { headers: { Cookie: cookie, Origin: 'https://evil.example' } })
    expect(del.status).toBe(403)
    expect(await tokenCount(user.id)).toBe(0)
    expect((await call('GET', '/api/admin/me', { headers: { Cookie: cookie } })).status).toBe(200)
  })

  it('allows the same cookie write with this site as Origin', async () => {
    const { headers, user } = await loginAs('editor')
    const res = await call('POST', '/api/admin/tokens', { headers, body })
    expect(res.status).toBe(201)
    expect(await tokenCount(user.id)).toBe(1)
  })

  it('allows cookie reads without Origin (browsers omit it on same-origin GET)', async () => {
    const { cookie } = await loginAs('author')
    expect((await call('GET', '/api/admin/tokens', { headers: { Cookie: cookie } })).status).toBe(200)
  })

  it('does not apply to bearer tokens, which a browser cannot attach on its own', async () => {
    const { headers, user } = await tokenFor('editor')
    const created = await call('POST', '/api/admin/tokens', { headers, body })
    // Bearer requests pass the CSRF check; this route then refuses tokens for its own reason.
    expect(created.status).toBe(403)
    expect(created.body.error.message).toMatch(/session, not a token/)
    const [own] = await db().selectFrom('personal_access_tokens').select('id').where('user_id', '=', user.id).execute()
    const revoke = await call('DELETE', `/api/admin/tokens/${own!.id}`, { headers: { Authorization: headers.Authorization! } })
    expect(revoke.status).toBe(204)
  })
})
