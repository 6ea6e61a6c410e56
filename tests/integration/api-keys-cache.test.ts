/**
 * The read cache with partner keys (TTL on): the scope is part of the cache key in
 * both layers, so one scope's answer is never served to another or to anonymous
 * readers; keys with the same scope share entries. Every D1 round trip counted.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { staffClient } from '../helpers/admin-api'
import { mintKey, readKeyed } from '../helpers/api-keys'
import { anotherIsolate, forgetCachedReads } from '../helpers/cached-reads'
import { createArticle, createCategory } from '../helpers/fixtures'

const BODY = 'Toàn văn chỉ dành cho khóa đầy đủ'
let article: { id: number }
const keys: Record<'summary' | 'summary2' | 'category' | 'full', string> = { summary: '', summary2: '', category: '', full: '' }

beforeAll(async () => {
  const news = await createCategory('Thời sự bộ đệm', { slug: 'thoi-su-bd' })
  const sport = await createCategory('Thể thao bộ đệm', { slug: 'the-thao-bd' })
  article = await createArticle({ title: 'Bộ đệm theo phạm vi khóa', categoryId: sport.id, paragraphs: [BODY] })
  const admin = await staffClient('admin')
  keys.summary = (await mintKey(admin, { body: 'summary' })).key
  keys.summary2 = (await mintKey(admin, { body: 'summary', name: 'Cùng phạm vi' })).key
  keys.category = (await mintKey(admin, { body: 'full', category_ids: [news.id] })).key
  keys.full = (await mintKey(admin, { body: 'full' })).key
})
beforeEach(() => forgetCachedReads())

const read = (path: string, key?: string) => readKeyed(path, key ?? null)

describe('read cache isolation between key scopes', () => {
  for (const [name, path] of [['article', () => `/api/v1/articles/${article.id}`], ['list', () => '/api/v1/articles'], ['rss', () => '/feeds/rss.xml']] as const) {
    it(`${name}: anonymous, summary key, category key, anonymous — each its own answer`, async () => {
      const anon = await read(path())
      expect(anon.status).toBe(200)
      expect(anon.text).toContain(BODY)
      expect(anon.queries).toBe(1)

      const summary = await read(path(), keys.summary)
      expect(summary.status).toBe(200)
      expect(summary.text).not.toContain(BODY)
      expect(summary.queries).toBe(2) // the key look-up, then its own D1 read: anonymous' entry is not its

      const category = await read(path(), keys.category)
      expect(category.text).not.toContain('Bộ đệm theo phạm vi khóa')
      expect(category.queries).toBe(2)

      anotherIsolate() // the location's Cache API keeps the scopes apart too
      const again = await read(path())
      expect(again.queries).toBe(0)
      expect(again.text).toBe(anon.text)
      const summaryAgain = await read(path(), keys.summary2)
      expect(summaryAgain.queries).toBe(1) // only the key look-up: same scope, shared entry
      expect(summaryAgain.text).toBe(summary.text)
      expect(summaryAgain.headers.get('Cache-Control')).toMatch(/^private/)
      const full = await read(path(), keys.full)
      expect(full.queries).toBe(2)
      expect(full.text).toContain(BODY)
    })
  }

  it('never caches a refused key, and a revoked key is refused even while its scope is cached', async () => {
    const admin = await staffClient('admin')
    const k = await mintKey(admin, { body: 'summary' })
    expect((await read(`/api/v1/articles/${article.id}`, k.key)).status).toBe(200)
    await admin.del(`/api-keys/${k.id}`)
    const refused = await read(`/api/v1/articles/${article.id}`, k.key)
    expect(refused.status).toBe(401)
    expect(refused.queries).toBe(1)
  })
})
