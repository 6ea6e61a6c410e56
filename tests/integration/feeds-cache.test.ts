/**
 * Feeds and sitemaps are public reads like the API's: served from isolate memory
 * and the location's Cache API for READ_CACHE_TTL, and purged by an editor's
 * publish like every other read (docs/read-cache.md).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { tokenFor } from '../helpers/auth'
import { anotherIsolate, forgetCachedReads, readCached } from '../helpers/cached-reads'
import { newsroom } from '../helpers/newsroom'

const PATHS = ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/feeds/rss.xml?category=thoi-su', '/sitemap.xml', '/sitemap-news.xml', '/sitemaps/articles-1.xml']
let categoryId: number

beforeAll(async () => {
  const room = await newsroom()
  categoryId = (await room.category('Thời sự')).id
  await room.publish({ title: 'Bài đầu tiên', category_id: categoryId })
  await forgetCachedReads()
})

describe('feeds and sitemaps in the read cache', () => {
  it('are served from memory, then from the location cache, with no D1 call and the same bytes and ETag', async () => {
    for (const path of PATHS) {
      const first = await readCached(path, { ttl: '60' })
      expect(first.status, path).toBe(200)
      expect(first.queries, path).toBe(1)
      const hot = await readCached(path, { ttl: '60' })
      anotherIsolate()
      const shared = await readCached(path, { ttl: '60' })
      for (const again of [hot, shared]) {
        expect([again.queries, again.text, again.headers.get('ETag'), again.headers.get('Content-Type')], path).toEqual([
          0, first.text, first.headers.get('ETag'), first.headers.get('Content-Type'),
        ])
      }
    }
  })

  it('show an article an editor publishes at once where the editor saved', async () => {
    const { headers } = await tokenFor('editor')
    const call = (path: string, body: unknown) =>
      readCached(`/api/admin${path}`, { ttl: '60', method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const draft = await call('/articles', { title: 'Tin mới vừa đăng', category_id: categoryId })
    expect(draft.status, draft.text).toBe(201)
    expect((await call(`/articles/${draft.json.data.id}/publish`, {})).status).toBe(200)
    for (const path of PATHS) {
      const after = await readCached(path, { ttl: '60' })
      expect(after.queries, path).toBe(1)
      expect(after.text, path).toContain(path.startsWith('/sitemap') ? draft.json.data.slug : 'Tin mới vừa đăng')
    }
  })
})
