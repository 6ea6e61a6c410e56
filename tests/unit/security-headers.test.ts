import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { HSTS, securityHeaders } from '../../worker/middleware/security-headers'

const app = new Hono().use('*', securityHeaders()).get('*', (c) => c.json({ data: 1 }))
const fetchWith = (url: string, siteUrl: string) => app.request(url, {}, { SITE_URL: siteUrl } as unknown as Env)

describe('HSTS follows the origin', () => {
  it('an https SITE_URL sends it even when the worker sees http (behind a proxy, wrangler dev)', async () => {
    expect((await fetchWith('http://tin.local/api/v1/articles', 'https://tin.example.vn')).headers.get('Strict-Transport-Security')).toBe(HSTS)
  })

  it('an https request sends it whatever SITE_URL says', async () => {
    expect((await fetchWith('https://tin.example.vn/', 'http://127.0.0.1:8787')).headers.get('Strict-Transport-Security')).toBe(HSTS)
  })

  it('plain HTTP on an http site does not', async () => {
    expect((await fetchWith('http://127.0.0.1:8787/', 'http://127.0.0.1:8787')).headers.get('Strict-Transport-Security')).toBeNull()
  })

  it('admin paths are no-store, others keep their own Cache-Control', async () => {
    expect((await fetchWith('http://x/api/admin/me', 'http://x')).headers.get('Cache-Control')).toBe('no-store')
    expect((await fetchWith('http://x/api/administrator', 'http://x')).headers.get('Cache-Control')).toBeNull()
  })
})

describe('immutable answers', () => {
  it('a response with immutable headers (fetch, Cache API) still gets them', async () => {
    const frozen = new Hono().use('*', securityHeaders()).get('*', async () => {
      const res = Response.redirect('http://x/elsewhere', 302)
      expect(() => res.headers.set('X-Test', '1')).toThrow()
      return res
    })
    const res = await frozen.request('http://x/api/admin/me', {}, { SITE_URL: 'https://x' } as unknown as Env)
    expect(res.status).toBe(302)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('Strict-Transport-Security')).toBe(HSTS)
  })
})
