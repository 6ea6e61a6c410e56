import fc from 'fast-check'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { FEED_LIMITS, feedLimits } from '../../worker/lib/feed-limits'
import { escapeXml, xmlSafe } from '../../worker/lib/xml-text'
import { rfc822, zonedDate } from '../../worker/serializers/feed/zoned-date'
import { urlsetDocument } from '../../worker/serializers/sitemap/urlset'
import { siteSettings, type SiteSettings } from '../../worker/lib/settings'

const settings: SiteSettings = siteSettings({ SITE_URL: 'https://tin.example.vn', ARTICLE_URL_PATTERN: '/{category}/{slug}' } as Env)
const article = (id: number, extra: { canonical_url?: string } = {}) => ({
  id, slug: `bai-${id}`, category_slug: 'thoi-su', canonical_url: extra.canonical_url ?? null, published_at: '2026-11-30T02:35:00.000Z', updated_at: '2026-11-30T02:35:00.000Z',
})

describe('dates with the site offset', () => {
  it('writes the same instant as ISO 8601 and RFC 822 with the zone offset', () => {
    const d = zonedDate('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh')
    expect(d.getTime()).toBe(Date.parse('2017-04-18T02:35:00Z'))
    expect(d.toISOString()).toBe('2017-04-18T09:35:00+07:00')
    expect(d.toUTCString()).toBe('Tue, 18 Apr 2017 09:35:00 +0700')
    expect(zonedDate('2017-01-01T12:00:00Z', 'America/St_Johns').toUTCString()).toBe('Sun, 01 Jan 2017 08:30:00 -0330')
  })

  it('RFC 822 reads back as the same instant for any time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString()
        expect(Date.parse(zonedDate(iso, 'Asia/Ho_Chi_Minh').toUTCString())).toBe(Date.parse(iso))
      }),
    )
    expect(rfc822('2026-12-31T23:59:59+07:00')).toBe('Thu, 31 Dec 2026 23:59:59 +0700')
  })
})

describe('XML text', () => {
  it('escapes markup and drops what XML 1.0 cannot carry, keeping Vietnamese and emoji', () => {
    expect(escapeXml('A & B <C> "q" \'s\'')).toBe('A &amp; B &lt;C&gt; &quot;q&quot; &apos;s&apos;')
    expect(xmlSafe('Đà\u000BNẵng\u0000 \uD83C\uDF27 \uD800x \uFFFE\t\n')).toBe('ĐàNẵng \uD83C\uDF27 x \t\n')
  })

  it('any string, escaped, is well-formed and reads back as itself without the forbidden characters', () => {
    const parser = new XMLParser({ processEntities: true, htmlEntities: true, parseTagValue: false, trimValues: false })
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const doc = `<t>${escapeXml(s)}</t>`
        expect(XMLValidator.validate(doc)).toBe(true)
        expect(String(parser.parse(doc).t ?? '')).toBe(xmlSafe(s))
      }),
    )
  })
})

describe('sitemap bounds', () => {
  it('leaves out what would pass the byte limit, and stays well-formed', () => {
    const articles = Array.from({ length: 10 }, (_, i) => article(i + 1))
    const full = urlsetDocument(settings, articles)
    const cut = urlsetDocument(settings, articles, Math.floor(full.length / 2))
    expect(cut.length).toBeLessThanOrEqual(full.length / 2)
    expect(XMLValidator.validate(cut)).toBe(true)
    expect(cut.match(/<url>/g)!.length).toBeGreaterThan(0)
    expect(cut.match(/<url>/g)!.length).toBeLessThan(10)
  })

  it('lists a same-host canonical URL, and leaves out one on another host or too long', () => {
    const doc = urlsetDocument(settings, [
      article(1, { canonical_url: 'https://tin.example.vn/chuyen-de/bai' }),
      article(2, { canonical_url: 'https://bao-khac.example.vn/bai' }),
      article(3, { canonical_url: `https://tin.example.vn/${'a'.repeat(2_100)}` }),
      article(4),
    ])
    expect([...doc.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://tin.example.vn/chuyen-de/bai', 'https://tin.example.vn/thoi-su/bai-4'])
  })
})

describe('feed limits', () => {
  it('takes a lower whole number from a var and keeps the ceiling for anything else', () => {
    expect(feedLimits({})).toEqual(FEED_LIMITS)
    expect(feedLimits({ SITEMAP_PAGE_SIZE: '3', NEWS_SITEMAP_MAX_URLS: '2', FEED_ITEMS: '1', FEED_BODY_CHARS: '10' })).toEqual({
      sitemapPageSize: 3, newsMaxUrls: 2, feedItems: 1, feedBodyChars: 10,
    })
    for (const bad of ['', '0', '-1', '1e3', '50001', 'abc', ' 3']) expect(feedLimits({ SITEMAP_PAGE_SIZE: bad }).sitemapPageSize, bad).toBe(50_000)
  })
})
