import { env, SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'

const ORIGIN = 'https://doitac.example.vn'

describe('CORS on the public API', () => {
  it('lets any origin read by default and exposes ETag', async () => {
    const res = await SELF.fetch('http://127.0.0.1:8787/api/v1/categories', { headers: { Origin: ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag')
  })

  it('answers a preflight', async () => {
    const res = await SELF.fetch('http://127.0.0.1:8787/api/v1/articles', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'If-None-Match' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-methods')).toContain('GET')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match')
  })

  it('narrows to the CORS_ORIGINS allowlist when it is set', async () => {
    const narrowed = { ...env, CORS_ORIGINS: 'https://tin.example.vn, https://m.tin.example.vn' }
    const allowed = await app.request('/api/v1/categories', { headers: { Origin: 'https://m.tin.example.vn' } }, narrowed)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://m.tin.example.vn')
    const refused = await app.request('/api/v1/categories', { headers: { Origin: ORIGIN } }, narrowed)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('never applies to the admin API', async () => {
    const res = await SELF.fetch('http://127.0.0.1:8787/api/admin/me', { headers: { Origin: ORIGIN } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await SELF.fetch('http://127.0.0.1:8787/api/admin/articles', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })
})
