/**
 * PUBLIC_API_ACCESS=key (an API key required on content routes; the rest open),
 * and arbitrary credential headers on every public route: never a 5xx.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient } from '../helpers/admin-api'
import { mintKey } from '../helpers/api-keys'
import { fetchWithVars } from '../helpers/feed-docs'
import { createArticle } from '../helpers/fixtures'

let article: { id: number; slug: string }
let key = ''

beforeAll(async () => {
  article = await createArticle({ title: 'Chế độ khóa bắt buộc: bài thử' })
  key = (await mintKey(await staffClient('admin'))).key
})

const KEY_MODE = { PUBLIC_API_ACCESS: 'key' }
const content = () => [
  '/api/v1/articles',
  `/api/v1/articles/${article.id}`,
  `/api/v1/articles/slug/${article.slug}`,
  '/api/v1/search?q=che+do',
  `/api/v1/articles/${article.id}/related`,
  '/api/v1/most-read',
  '/api/v1/categories',
  '/api/v1/tags',
  '/api/v1/authors',
  '/feeds/rss.xml',
  '/feeds/atom.xml',
  '/feeds/feed.json',
]
const open = ['/api/v1/health', '/api/openapi.json', '/api/docs', '/sitemap.xml', '/sitemap-news.xml', '/robots.txt']

describe('PUBLIC_API_ACCESS=key', () => {
  it('refuses anonymous content reads with a 401 JSON error, and serves them with a key', async () => {
    for (const path of content()) {
      const anon = await fetchWithVars(path, KEY_MODE)
      expect(anon.status, path).toBe(401)
      expect(JSON.parse(anon.text).error.message, path).toMatch(/needs a key/)
      expect((await fetchWithVars(path, KEY_MODE, { headers: { 'X-Api-Key': key } })).status, path).toBe(200)
    }
  })

  it('keeps health, OpenAPI, docs, sitemaps, robots.txt, beacons and CORS preflights open', async () => {
    for (const path of open) expect((await fetchWithVars(path, KEY_MODE)).status, path).toBe(200)
    expect((await fetchWithVars(`/api/v1/articles/${article.id}/views`, KEY_MODE, { method: 'POST' })).status).toBe(204)
    const preflight = await fetchWithVars('/api/v1/articles', KEY_MODE, { method: 'OPTIONS', headers: { Origin: 'https://doitac.vn', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-api-key' } })
    expect(preflight.status).toBe(204)
    expect(preflight.res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-api-key')
  })

  it('treats a staff personal token as no key at all', async () => {
    expect((await fetchWithVars('/api/v1/articles', KEY_MODE, { headers: { Authorization: 'Bearer tin_pat_xyz' } })).status).toBe(401)
  })

  it('fails loudly on a misspelt setting', async () => {
    const res = await fetchWithVars('/api/v1/articles', { PUBLIC_API_ACCESS: 'closed' })
    expect(res.status).toBe(500)
    expect(JSON.parse(res.text).error.code).toBe('internal_error')
  })
})

const headerValue = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('', ' ', 'tin_key_', `tin_key_${'x'.repeat(43)}`, `tin_key_${'x'.repeat(44)}`, 'Bearer', 'Bearer ', 'Bearer tin_key_', 'Basic YWJjOmRlZg==', 'tin_pat_abc'),
  fc.constant(null).map(() => key),
)

describe('arbitrary credential headers', () => {
  it('never get a 5xx on any public route: 200, 304, 404 or a 401 JSON error', async () => {
    const routes = [...content(), ...open]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.option(headerValue), fc.option(headerValue), fc.constantFrom('open', 'key'), async (path, apiKey, authorization, mode) => {
        const headers: Record<string, string> = {}
        if (apiKey !== null) headers['X-Api-Key'] = apiKey
        if (authorization !== null) headers.Authorization = authorization.startsWith('tin_') ? `Bearer ${authorization}` : authorization
        const res = await fetchWithVars(path, { PUBLIC_API_ACCESS: mode }, { headers })
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBeLessThan(500)
        if (res.status === 401) expect(JSON.parse(res.text).error.code).toBe('unauthorized')
      }),
      { numRuns: 200, seed: 9 },
    )
  }, 60_000)
})
