/**
 * The key scope matrix: every public content route × every kind of caller, the
 * visible behaviour of each (docs/partners.md).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient } from '../helpers/admin-api'
import { keyed, mintKey } from '../helpers/api-keys'
import { createArticle, createCategory, db } from '../helpers/fixtures'

const BODY_MARK = 'THÂN BÀI RIÊNG CHO ĐỐI TÁC'
const titles = { news: 'Phạm vi khóa: Hà Nội mưa lớn', traffic: 'Phạm vi khóa: kẹt xe Hà Nội', sport: 'Phạm vi khóa: bóng đá Hà Nội' }
const ids = {} as Record<keyof typeof titles, { id: number; slug: string }>
const keys = {} as Record<string, string | null>

beforeAll(async () => {
  const news = await createCategory('Thời sự phạm vi', { slug: 'thoi-su-pv' })
  const traffic = await createCategory('Giao thông phạm vi', { slug: 'giao-thong-pv', parentId: news.id })
  const sport = await createCategory('Thể thao phạm vi', { slug: 'the-thao-pv' })
  const cats = { news: news.id, traffic: traffic.id, sport: sport.id }
  for (const k of Object.keys(titles) as (keyof typeof titles)[]) {
    ids[k] = await createArticle({ title: titles[k], categoryId: cats[k], tags: ['Hà Nội phạm vi'], paragraphs: [`Mở đầu ${k}.`, `${BODY_MARK} ${k}.`] })
  }
  await db().insertInto('article_views').values(Object.keys(ids).map((k, i) => ({ article_id: ids[k as keyof typeof ids].id, category_id: cats[k as keyof typeof cats], total: 10 + i, updated_at: new Date().toISOString() }))).execute()
  const admin = await staffClient('admin')
  keys.anonymous = null
  keys.full = (await mintKey(admin, { body: 'full' })).key
  keys.summary = (await mintKey(admin, { body: 'summary' })).key
  keys.category = (await mintKey(admin, { body: 'full', category_ids: [news.id] })).key
  const revoked = await mintKey(admin)
  await admin.del(`/api-keys/${revoked.id}`)
  keys.revoked = revoked.key
  const expired = await mintKey(admin)
  await db().updateTable('api_keys').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', expired.id).execute()
  keys.expired = expired.key
  keys.bad = `tin_key_${'A'.repeat(43)}`
})

/** Every public content route, and which articles it can show (related: of the news article). */
const routes: [name: string, path: () => string, shows: (keyof typeof titles)[], kind: 'json' | 'feed'][] = [
  ['list', () => '/api/v1/articles?tag=ha-noi-pham-vi', ['news', 'traffic', 'sport'], 'json'],
  ['by id', () => `/api/v1/articles/${ids.sport.id}`, ['sport'], 'json'],
  ['by slug', () => `/api/v1/articles/slug/${ids.sport.slug}`, ['sport'], 'json'],
  ['search', () => '/api/v1/search?q=pham+vi+khoa', ['news', 'traffic', 'sport'], 'json'],
  ['related', () => `/api/v1/articles/${ids.news.id}/related`, ['traffic', 'sport'], 'json'],
  ['most-read', () => '/api/v1/most-read?window=all', ['news', 'traffic', 'sport'], 'json'],
  ['rss', () => '/feeds/rss.xml', ['news', 'traffic', 'sport'], 'feed'],
  ['atom', () => '/feeds/atom.xml', ['news', 'traffic', 'sport'], 'feed'],
  ['json feed', () => '/feeds/feed.json', ['news', 'traffic', 'sport'], 'feed'],
]

const shown = (text: string) => (Object.keys(titles) as (keyof typeof titles)[]).filter((k) => text.includes(titles[k]))

describe.each(routes)('%s', (_name, path, shows, kind) => {
  it('anonymous and a full key: everything, with bodies; the keyed answer is private', async () => {
    for (const [caller, as] of [['anonymous', 'x-api-key'], ['full', 'x-api-key'], ['full', 'bearer']] as const) {
      const res = await keyed(path(), keys[caller]!, as)
      expect(res.status, caller).toBe(200)
      expect(shown(res.text), caller).toEqual(shows)
      expect(res.text, caller).toContain(BODY_MARK)
      if (caller === 'full') expect(res.headers.get('Cache-Control')).toMatch(/^private/)
    }
  })

  it('a summary key: the same articles, never a body', async () => {
    const res = await keyed(path(), keys.summary!)
    expect(res.status).toBe(200)
    expect(shown(res.text)).toEqual(shows)
    expect(res.text).not.toContain(BODY_MARK)
    if (kind === 'json') expect(res.text).not.toContain('"body_html"')
  })

  it('a category key: only its category and subcategories; 404 for an article outside', async () => {
    const res = await keyed(path(), keys.category!)
    const allowed = shows.filter((k) => k !== 'sport')
    if (shows.length === 1) return expect(res.status).toBe(404)
    expect(res.status).toBe(200)
    expect(shown(res.text)).toEqual(allowed)
  })

  it('a revoked, expired or unknown key: 401 JSON, never an anonymous answer', async () => {
    for (const caller of ['revoked', 'expired', 'bad'] as const) {
      for (const as of ['x-api-key', 'bearer'] as const) {
        const res = await keyed(path(), keys[caller]!, as)
        expect(res.status, `${caller} ${as}`).toBe(401)
        expect(res.json.error.code).toBe('unauthorized')
        expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
      }
    }
  })
})

describe('category filters and other routes with a category key', () => {
  it('answers 404 for a category outside the key, as for an unknown one', async () => {
    for (const path of ['/api/v1/articles?category=the-thao-pv', '/api/v1/most-read?category=the-thao-pv', '/api/v1/search?q=ha+noi&category=the-thao-pv', '/feeds/rss.xml?category=the-thao-pv']) {
      expect((await keyed(path, keys.category!)).status, path).toBe(404)
    }
    expect((await keyed('/api/v1/articles?category=giao-thong-pv', keys.category!)).status).toBe(200)
  })

  it('reads the article of its own category by id and slug', async () => {
    expect((await keyed(`/api/v1/articles/${ids.traffic.id}`, keys.category!)).status).toBe(200)
    expect((await keyed(`/api/v1/articles/slug/${ids.news.slug}`, keys.category!)).status).toBe(200)
    expect((await keyed(`/api/v1/articles/${ids.sport.id}/related`, keys.category!)).status).toBe(404)
  })

  it('leaves staff tokens, health and beacons alone; ignores a non-key Authorization', async () => {
    expect((await keyed('/api/v1/articles', 'tin_pat_abc', 'bearer')).status).toBe(200)
    expect((await keyed('/api/v1/health', keys.bad!)).status).toBe(200)
    expect((await keyed(`/api/v1/articles/${ids.news.id}/views`, keys.bad!, 'x-api-key', { method: 'POST' })).status).toBe(204)
    expect((await keyed('/api/v1/categories', keys.bad!)).status).toBe(401)
  })
})
