/**
 * Arbitrary query strings and sitemap names on every feed and sitemap route: a
 * document (200), a 304, or a 4xx JSON error envelope, never a 5xx; and the next
 * ordinary request is served.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { fetchDoc } from '../helpers/feed-docs'
import { newsroom } from '../helpers/newsroom'

const ROUTES = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/sitemap-news.xml', '/robots.txt']

beforeAll(async () => {
  const room = await newsroom()
  const news = await room.category('Thời sự')
  await room.publish({ title: 'Đà Nẵng "mưa" lớn', category_id: news.id })
})

const queryPart = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('thoi-su', 'khong-co', '', '%', '%FF', '%00', 'a'.repeat(250), 'thoi-su&category=x', '../../etc', 'Thời sự'),
)

describe('arbitrary input', () => {
  it('never gets a 5xx, and errors are the JSON envelope', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.constantFrom('category', 'page', 'limit', 'cursor', ''), queryPart, async (route, name, value) => {
        const path = `${route}?${name}${name ? '=' : ''}${encodeURIComponent(value)}`
        const res = await fetchDoc(path)
        expect(res.status, path).toBeLessThan(500)
        if (res.status >= 400) expect(JSON.parse(res.text).error.code, path).toMatch(/^(validation_failed|not_found|bad_request)$/)
      }),
      { numRuns: 150, seed: 11 },
    )
    for (const route of ROUTES) expect((await fetchDoc(route)).status, route).toBe(200)
  })

  it('takes any sitemap name to a 200, 400 or 404, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), fc.integer({ min: -5, max: 2 ** 40 }).map((n) => `articles-${n}.xml`)), async (name) => {
        const res = await fetchDoc(`/sitemaps/${encodeURIComponent(name)}`)
        expect([200, 400, 404], name).toContain(res.status)
      }),
      { numRuns: 100, seed: 11 },
    )
    expect((await fetchDoc('/sitemaps/articles-1.xml')).status).toBe(200)
  })
})
