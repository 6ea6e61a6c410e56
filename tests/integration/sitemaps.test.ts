/**
 * /sitemap.xml (a urlset, or past the page size an index of id blocks),
 * /sitemaps/articles-{n}.xml, /sitemap-news.xml and /robots.txt, read with a
 * strict XML parser; paging is tested with a page size lowered to 3.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { fetchDoc, fetchWithVars, parseXml } from '../helpers/feed-docs'
import { newsroom, type Published } from '../helpers/newsroom'

const SITE = 'http://127.0.0.1:8787'
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()
const locs = (urlset: any): string[] => (urlset.url ?? []).map((u: { loc: string }) => u.loc)
const published: Published[] = []
let old: Published

beforeAll(async () => {
  const room = await newsroom()
  const news = await room.category('Thời sự')
  for (const [i, title] of ['A & B <C>', 'Đà Nẵng "mưa" lớn', 'Giá vàng', 'Bão số 3', 'Lũ miền Trung', 'Hà Nội'].entries()) {
    published.push(await room.publish({ title, category_id: news.id }, hoursAgo(6 - i)))
  }
  published.push(await room.publish({ title: 'Gần hai ngày trước', category_id: news.id }, hoursAgo(47)))
  old = await room.publish({ title: 'Hơn hai ngày trước', category_id: news.id }, hoursAgo(49))
  published.push(old)
  published.push(await room.publish({ title: 'Đường dẫn chuẩn', canonical_url: `${SITE}/chuyen-de/duong-dan-chuan` }, hoursAgo(8)))
  await room.publish({ title: 'Đăng lại từ báo khác', canonical_url: 'https://bao-khac.example.vn/bai-goc' }, hoursAgo(9))
  await room.draft({ title: 'Bản nháp' })
  await room.schedule((await room.draft({ title: 'Hẹn giờ' })).id, '2030-01-01T00:00:00Z')
  await room.unpublish((await room.publish({ title: 'Đã gỡ' })).id)
  await room.trash((await room.publish({ title: 'Thùng rác' })).id)
})

describe('GET /sitemap.xml on a site under the page size', () => {
  it('is one urlset of every published article at its canonical URL on this site, lastmod with +07:00', async () => {
    const { status, type, text } = await fetchDoc('/sitemap.xml')
    expect(status, text).toBe(200)
    expect(type).toBe('application/xml; charset=utf-8')
    const urlset = parseXml(text).urlset
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const found = locs(urlset)
    expect(found).toHaveLength(published.length)
    expect(found).toContain(`${SITE}/chuyen-de/duong-dan-chuan`)
    expect(found).toContain(`${SITE}/thoi-su/${published[0]!.slug}`)
    expect(found.some((l) => l.includes('bao-khac'))).toBe(false)
    for (const u of urlset.url) expect(u.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/)
    expect(text).not.toMatch(/ban-nhap|hen-gio|da-go|thung-rac/)
  })
})

describe('past the page size (lowered to 3)', () => {
  const vars = { SITEMAP_PAGE_SIZE: '3' }

  it('is an index of id blocks whose children hold every article once, at most 3 each', async () => {
    const index = parseXml((await fetchWithVars('/sitemap.xml', vars)).text).sitemapindex
    const children: string[] = index.sitemap.map((s: { loc: string }) => s.loc)
    expect(children[0]).toBe(`${SITE}/sitemaps/articles-1.xml`)
    const all: string[] = []
    for (const [i, child] of index.sitemap.entries()) {
      const res = await fetchWithVars(new URL(child.loc).pathname, vars)
      expect(res.status, `${child.loc} ${res.text}`).toBe(200)
      const urlset = parseXml(res.text).urlset
      // A block whose only article has its canonical URL on another site is an empty urlset.
      const urls: { lastmod: string }[] = urlset.url ?? []
      expect(urls.length).toBeLessThanOrEqual(3)
      if (urls.length) expect(child.lastmod, `child ${i}`).toBe(urls.map((u) => u.lastmod).sort().at(-1))
      all.push(...locs(urlset))
    }
    const whole = locs(parseXml((await fetchDoc('/sitemap.xml')).text).urlset)
    expect(all.sort()).toEqual(whole.sort())
  })

  it.each([
    ['/sitemaps/articles-999.xml', 404],
    ['/sitemaps/articles-0.xml', 400],
    ['/sitemaps/articles-x.xml', 400],
    ['/sitemaps/articles-1.xml?page=2', 400],
    ['/sitemap.xml?page=2', 400],
    ['/sitemap-news.xml?x=1', 400],
    ['/robots.txt?x=1', 400],
  ])('%s answers %i JSON, and the next request succeeds', async (path, status) => {
    const bad = await fetchWithVars(path, vars)
    expect(bad.status, bad.text).toBe(status)
    expect(JSON.parse(bad.text).error.code).toBe(status === 404 ? 'not_found' : 'validation_failed')
    expect((await fetchWithVars('/sitemaps/articles-1.xml', vars)).status).toBe(200)
  })
})

describe('GET /sitemap-news.xml', () => {
  it('lists articles of the last 48 hours, newest first, with publication, +07:00 dates and exact titles', async () => {
    const { status, text } = await fetchDoc('/sitemap-news.xml')
    expect(status, text).toBe(200)
    const urlset = parseXml(text).urlset
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    const news = urlset.url.map((u: any) => u['news:news'])
    expect(news.map((n: any) => n['news:title'])).toEqual(['Hà Nội', 'Lũ miền Trung', 'Bão số 3', 'Giá vàng', 'Đà Nẵng "mưa" lớn', 'A & B <C>', 'Đường dẫn chuẩn', 'Gần hai ngày trước'])
    expect(news[0]['news:publication']).toEqual({ 'news:name': 'Tin Edge', 'news:language': 'vi' })
    for (const n of news) expect(n['news:publication_date']).toMatch(/\+07:00$/)
    expect(text).not.toContain(old.slug)
  })

  it('stops at its cap (lowered to 2)', async () => {
    const urlset = parseXml((await fetchWithVars('/sitemap-news.xml', { NEWS_SITEMAP_MAX_URLS: '2' })).text).urlset
    expect(urlset.url.map((u: any) => u['news:news']['news:title'])).toEqual(['Hà Nội', 'Lũ miền Trung'])
  })

  it('has an ETag and answers If-None-Match with 304', async () => {
    const etag = (await fetchDoc('/sitemap-news.xml')).res.headers.get('ETag')!
    expect((await fetchDoc('/sitemap-news.xml', { headers: { 'If-None-Match': etag } })).status).toBe(304)
  })
})

describe('GET /robots.txt', () => {
  it('allows everything but the admin, and names both sitemaps by absolute URL', async () => {
    const { status, type, text } = await fetchDoc('/robots.txt')
    expect(status).toBe(200)
    expect(type).toBe('text/plain; charset=utf-8')
    expect(text).toBe(
      ['User-agent: *', 'Allow: /', 'Disallow: /api/admin', 'Disallow: /admin', '', `Sitemap: ${SITE}/sitemap.xml`, `Sitemap: ${SITE}/sitemap-news.xml`, ''].join('\n'),
    )
  })
})
