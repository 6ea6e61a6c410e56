import fc from 'fast-check'
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createCategory, db } from '../helpers/fixtures'

const BASE = 'http://127.0.0.1:8787'

beforeAll(async () => {
  const c = await createCategory('Thời sự')
  await createArticle({ title: 'Đà Nẵng: Đường phố ngập sâu', categoryId: c.id, tags: ['Đà Nẵng'] })
})

async function expectClientError(path: string) {
  const res = await SELF.fetch(`${BASE}${path}`)
  const text = await res.text()
  expect(res.status, `${path} -> ${res.status} ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400)
  expect(res.status, path).toBeLessThan(500)
  expect(res.headers.get('content-type')).toContain('application/json')
  const body = JSON.parse(text)
  expect(body.error.code).toMatch(/^[a-z_]+$/)
  expect(text).not.toMatch(/\bat \w+ \(|stack|SQLITE|D1_ERROR/i)
  return body
}

describe('bad input gets a 4xx JSON error, never a 5xx', () => {
  it.each([
    ['/api/v1/articles?limit=0', 'query.limit'],
    ['/api/v1/articles?limit=101', 'query.limit'],
    ['/api/v1/articles?limit=abc', 'query.limit'],
    ['/api/v1/articles?limit=-1', 'query.limit'],
    ['/api/v1/articles?cursor=not-a-cursor', 'query.cursor'],
    ['/api/v1/articles?cursor=!!!', 'query.cursor'],
    ['/api/v1/articles?sort=views', 'query.sort'],
    ['/api/v1/articles?sort=published_at;DROP TABLE articles', 'query.sort'],
    ['/api/v1/articles?unknown=1', 'query.unknown'],
    ['/api/v1/articles?category=x%27%20OR%201%3D1--', 'query.category'],
    ['/api/v1/articles?tag=%22%3B%20DELETE%20FROM%20articles', 'query.tag'],
    ['/api/v1/articles?since=yesterday', 'query.since'],
    ['/api/v1/articles?since=2017-04-18', 'query.since'],
    ['/api/v1/articles?fields=title,password_hash', 'query.fields'],
    ['/api/v1/articles?featured=yes', 'query.featured'],
    ['/api/v1/articles?sort=position', 'query'],
    ['/api/v1/articles/abc', 'param.id'],
    ['/api/v1/articles/0', 'param.id'],
    ['/api/v1/articles/99999999999999999999', 'param.id'],
    ['/api/v1/articles/slug/DA-NANG', 'param.slug'],
    [`/api/v1/articles/slug/${'a'.repeat(10_240)}`, 'param.slug'],
    ['/api/v1/articles/slug/x%27%20OR%201=1', 'param.slug'],
    ['/api/v1/categories?limit=5', 'query.limit'],
    ['/api/v1/tags?limit=0', 'query.limit'],
  ])('%s', async (path, where) => {
    const body = await expectClientError(path)
    expect(body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(where)
  })

  it('a cursor from one sort is refused by another', async () => {
    const first = await (await SELF.fetch(`${BASE}/api/v1/articles?limit=1&sort=title`)).json<{ next_cursor: string | null }>()
    await createArticle({ title: 'Bài thứ hai' })
    const page = await (await SELF.fetch(`${BASE}/api/v1/articles?limit=1&sort=title`)).json<{ next_cursor: string }>()
    expect(first).toBeDefined()
    await expectClientError(`/api/v1/articles?sort=-published_at&cursor=${page.next_cursor}`)
  })

  it('property: any query string on the list is answered 200 or 4xx JSON, and changes nothing', async () => {
    const before = await db().selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const key = fc.constantFrom('limit', 'cursor', 'sort', 'category', 'tag', 'author', 'since', 'until', 'fields', 'featured', 'q', 'x')
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("' OR 1=1 --", '"; DROP TABLE articles;', '%00', '0', '101', '-1', '1e3', 'NaN', 'null', '[]', '{}', 'a'.repeat(10_000)),
      fc.integer().map(String),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 4 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString()
        const res = await SELF.fetch(`${BASE}/api/v1/articles?${qs}`)
        const text = await res.text()
        expect(res.status, `?${qs} -> ${text.slice(0, 200)}`).toBeLessThan(500)
        expect(() => JSON.parse(text)).not.toThrow()
      }),
      { numRuns: 150, endOnFailure: true },
    )
    const after = await db().selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  }, 120_000)

  it('property: any path segment as an id or slug is answered 200, 301 or 4xx JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.constantFrom('/api/v1/articles/', '/api/v1/articles/slug/', '/api/v1/categories/'), async (segment, prefix) => {
        const res = await SELF.fetch(`${BASE}${prefix}${encodeURIComponent(segment)}`, { redirect: 'manual' })
        await res.arrayBuffer()
        expect(res.status).toBeLessThan(500)
        if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/json')
      }),
      { numRuns: 150, endOnFailure: true },
    )
  }, 120_000)
})
