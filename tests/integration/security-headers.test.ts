/**
 * Headers on every route family (issue 13): admin answers are never stored by any
 * cache, errors included; every answer says nosniff; HTTPS origins get HSTS; the
 * docs page may not be framed.
 */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASE, loginAs } from '../helpers/auth'
import { createArticle } from '../helpers/fixtures'

let editor: Record<string, string>
let contributor: Record<string, string>
let articleId: number

beforeAll(async () => {
  editor = (await loginAs('editor')).headers
  contributor = (await loginAs('contributor')).headers
  articleId = (await createArticle({ title: 'Tin tiêu đề bảo mật' })).id
})

const get = (path: string, headers: Record<string, string> = {}, base = BASE) => SELF.fetch(`${base}${path}`, { headers, redirect: 'manual' })

describe('admin: Cache-Control no-store on every answer', () => {
  it.each([
    ['200', () => get('/api/admin/me', editor), 200],
    ['200 list', () => get('/api/admin/articles', editor), 200],
    ['200 search', () => get('/api/admin/search?q=tin', editor), 200],
    ['401', () => get('/api/admin/articles'), 401],
    ['401 me', () => get('/api/admin/me'), 401],
    ['403', () => get('/api/admin/users', contributor), 403],
    ['404 route', () => get('/api/admin/nowhere', editor), 404],
    ['404 article', () => get('/api/admin/articles/999999', editor), 404],
    ['400', () => get('/api/admin/articles?limit=0', editor), 400],
  ])('%s', async (_, call, status) => {
    const res = await call()
    expect(res.status).toBe(status)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})

describe('nosniff on every route family', () => {
  it.each([
    ['public', () => get(`/api/v1/articles/${articleId}`)],
    ['public 404', () => get('/api/v1/articles/999999')],
    ['feeds', () => get('/feeds/rss.xml')],
    ['sitemap', () => get('/sitemap.xml')],
    ['media 404', () => get('/media/abc.jpg')],
    ['docs', () => get('/api/docs')],
    ['openapi', () => get('/api/openapi.json')],
    ['health', () => get('/api/v1/health')],
    ['root', () => get('/')],
  ])('%s', async (_, call) => {
    const res = await call()
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})

describe('HSTS', () => {
  it.each([['public', '/api/v1/articles'], ['admin 401', '/api/admin/me'], ['feeds', '/feeds/rss.xml'], ['media', '/media/abc.jpg'], ['docs', '/api/docs'], ['health', '/api/v1/health']])(
    '%s over HTTPS carries it; plain HTTP on an http SITE_URL does not',
    async (_, path) => {
      const secure = await get(path, {}, BASE.replace('http:', 'https:'))
      expect(secure.headers.get('Strict-Transport-Security')).toMatch(/^max-age=31536000/)
      expect((await get(path)).headers.get('Strict-Transport-Security')).toBeNull()
    },
  )
})

describe('docs page', () => {
  it('may not be framed by anyone', async () => {
    const res = await get('/api/docs')
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })
})
