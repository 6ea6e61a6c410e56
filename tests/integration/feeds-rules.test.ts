/**
 * What feeds never show (unpublished, scheduled, trashed, archived, drafts), their
 * bounds (item count, body budget), their answers to bad input, ETag/304, and the
 * scope hook the partner-key work will set.
 */
import { env } from 'cloudflare:test'
import { Hono } from 'hono'
import { beforeAll, describe, expect, it } from 'vitest'
import { database } from '../../worker/middleware/database'
import { onError } from '../../worker/middleware/error-handler'
import { feedRoutes } from '../../worker/routes/feeds/feeds'
import type { FeedScope } from '../../worker/services/feeds/feed-scope'
import { fetchDoc, fetchWithVars, parseXml, readFeed } from '../helpers/feed-docs'
import { newsroom } from '../helpers/newsroom'

const FILES = ['rss.xml', 'atom.xml', 'feed.json'] as const
const titles = (file: string, text: string): string[] =>
  file === 'feed.json' ? JSON.parse(text).items.map((i: { title: string }) => i.title) : readFeed(text).items.map((i) => i.title!)
let sports: { id: number }

beforeAll(async () => {
  const room = await newsroom()
  const news = await room.category('Thời sự')
  sports = await room.category('Thể thao')
  await room.publish({ title: 'Tin thời sự', category_id: news.id, body_html: '<p>Thân bài thời sự</p>', summary: 'Tóm tắt thời sự' }, '2026-11-29T01:00:00Z')
  await room.publish({ title: 'Tin thể thao', category_id: sports.id, body_html: '<p>Thân bài thể thao</p>', summary: 'Tóm tắt thể thao' }, '2026-11-29T02:00:00Z')
  await room.draft({ title: 'Bản nháp', category_id: news.id })
  const scheduled = await room.draft({ title: 'Hẹn giờ đăng', category_id: news.id })
  await room.schedule(scheduled.id, '2030-01-01T00:00:00Z')
  const unpublished = await room.publish({ title: 'Đã gỡ xuống', category_id: news.id })
  await room.unpublish(unpublished.id)
  const trashed = await room.publish({ title: 'Trong thùng rác', category_id: news.id })
  await room.trash(trashed.id)
  const archived = await room.publish({ title: 'Đã lưu trữ', category_id: news.id })
  await room.editor.post(`/articles/${archived.id}/archive`, {})
})

describe('what a feed shows', () => {
  it.each(FILES)('%s shows published articles only: no draft, scheduled, unpublished, trashed or archived one', async (file) => {
    const { status, text } = await fetchDoc(`/feeds/${file}`)
    expect(status, text).toBe(200)
    expect(titles(file, text)).toEqual(['Tin thể thao', 'Tin thời sự'])
  })

  it('stops at the item limit, newest first', async () => {
    const { text } = await fetchWithVars('/feeds/rss.xml', { FEED_ITEMS: '1' })
    expect(titles('rss.xml', text)).toEqual(['Tin thể thao'])
  })

  it('carries bodies until the body budget is spent, then summaries only', async () => {
    const rss = parseXml((await fetchWithVars('/feeds/rss.xml', { FEED_BODY_CHARS: '10' })).text).rss.channel.item
    expect(rss.map((i: Record<string, unknown>) => i['content:encoded'] ?? null)).toEqual(['<p>Thân bài thể thao</p>', null])
    const json = JSON.parse((await fetchWithVars('/feeds/feed.json', { FEED_BODY_CHARS: '10' })).text).items
    expect(json[1]).toMatchObject({ content_text: 'Tóm tắt thời sự' })
    expect(json[1].content_html).toBeUndefined()
  })
})

describe('bad input', () => {
  const cases: [string, number][] = [
    ['?category=Th%E1%BB%9Di-s%E1%BB%B1', 400],
    ['?category=', 400],
    ['?category=' + 'a'.repeat(201), 400],
    ['?category=%FF', 400],
    ['?category=thoi-su&utm_source=x', 400],
    ['?limit=5', 400],
    ['?category=khong-co', 404],
  ]
  it.each(FILES.flatMap((f) => cases.map(([q, s]) => [f, q, s] as const)))('%s%s answers %i JSON, and the next request succeeds', async (file, query, status) => {
    const bad = await fetchDoc(`/feeds/${file}${query}`)
    expect(bad.status, bad.text).toBe(status)
    expect(bad.type).toContain('application/json')
    expect(JSON.parse(bad.text).error.code).toBe(status === 404 ? 'not_found' : 'validation_failed')
    expect((await fetchDoc(`/feeds/${file}`)).status).toBe(200)
  })
})

describe('caching', () => {
  it.each(FILES)('%s has an ETag and Cache-Control, and answers a matching If-None-Match with 304', async (file) => {
    const first = await fetchDoc(`/feeds/${file}?category=the-thao`)
    const etag = first.res.headers.get('ETag')
    expect(etag).toMatch(/^"[0-9a-f]+"$/)
    expect(first.res.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300')
    const again = await fetchDoc(`/feeds/${file}?category=the-thao`, { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
  })
})

describe('c.var.feedScope (set by the partner-key middleware later)', () => {
  const scoped = (scope: FeedScope) =>
    new Hono<{ Bindings: Env }>()
      .use('*', database())
      .use('*', async (c, next) => {
        c.set('feedScope' as never, scope as never)
        await next()
      })
      .route('/', feedRoutes)
      .onError(onError)

  it('summary only: no full body in any format', async () => {
    const app = scoped({ fullBody: false, categories: null })
    const rss = parseXml(await (await app.request('/feeds/rss.xml', {}, env)).text()).rss.channel.item
    expect(rss.every((i: Record<string, unknown>) => !('content:encoded' in i))).toBe(true)
    const atom = parseXml(await (await app.request('/feeds/atom.xml', {}, env)).text()).feed.entry
    expect(atom.every((e: Record<string, unknown>) => !('content' in e))).toBe(true)
    const json = (await (await app.request('/feeds/feed.json', {}, env)).json()) as { items: Record<string, unknown>[] }
    expect(json.items.map((i) => [i.content_html, i.content_text])).toEqual([[undefined, 'Tóm tắt thể thao'], [undefined, 'Tóm tắt thời sự']])
  })

  it('some categories: the others are absent, and asking for one is a 404', async () => {
    const app = scoped({ fullBody: true, categories: [sports.id] })
    expect(titles('rss.xml', await (await app.request('/feeds/rss.xml', {}, env)).text())).toEqual(['Tin thể thao'])
    expect((await app.request('/feeds/rss.xml?category=thoi-su', {}, env)).status).toBe(404)
    expect((await app.request('/feeds/rss.xml?category=the-thao', {}, env)).status).toBe(200)
  })
})

describe('characters XML cannot carry', () => {
  it('are dropped from every feed and the news sitemap, which stay readable', async () => {
    const room = await newsroom()
    const saved = await room.editor.post('/articles', { title: 'Bão\u000Bsố 3\u0001', summary: 'Gió\u0008 mạnh', body_html: '<p>Mưa\u000C lớn</p>' })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect((await room.editor.post(`/articles/${saved.body.data.id}/publish`, {})).status).toBe(200)
    for (const file of FILES) {
      const { status, text } = await fetchDoc(`/feeds/${file}`)
      expect(status).toBe(200)
      expect(titles(file, text)[0]).toBe('Bãosố 3')
    }
    const news = parseXml((await fetchDoc('/sitemap-news.xml')).text).urlset.url
    expect(news[0]['news:news']['news:title']).toBe('Bãosố 3')
  })
})
