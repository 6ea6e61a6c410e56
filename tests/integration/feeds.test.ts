/**
 * The three feed formats read back by real parsers: exact titles through every
 * escaping, canonical links, times with the site's offset, full bodies, authors,
 * categories and the cover as enclosure, site-wide and per category.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { fetchDoc, parseXml, readFeed } from '../helpers/feed-docs'
import { uploadNewImage } from '../helpers/media-library'
import { newsroom, type Published } from '../helpers/newsroom'

const TRICKY = 'A & B <C>'
const VIETNAMESE = 'Đà Nẵng "mưa" lớn'
const SPORT = 'Bóng đá: Việt Nam thắng 3-0'
const BODY = '<p>Nước dâng <strong>cao</strong> &amp; nhanh.</p>'
let flood: Published
/** The cover as the media library answered its upload: absolute URL and size in bytes. */
let cover: { id: number; url: string; bytes: number }

beforeAll(async () => {
  const room = await newsroom()
  const news = await room.category('Thời sự')
  const sports = await room.category('Thể thao')
  const hoa = await room.author('Đặng Thị Hoa')
  const an = await room.author('Nguyễn Văn An & <Cộng sự>')
  const upload = await uploadNewImage(room.editor, 'jpeg', { width: 1200, height: 800, filename: 'ngập sâu.jpg', fields: { caption: 'Phố ngập & <sâu>', credit: 'TTXVN' } })
  expect(upload.status, JSON.stringify(upload.body)).toBe(201)
  cover = upload.body.data
  expect(cover.url).toMatch(/^http:\/\/127\.0\.0\.1:8787\/media\//)
  flood = await room.publish(
    {
      title: VIETNAMESE, summary: 'Mưa lớn <kéo dài>', body_html: BODY, category_id: news.id,
      tags: ['Mưa lũ'], author_ids: [hoa.id, an.id], cover: { media_id: cover.id },
    },
    '2026-11-30T02:35:00Z',
  )
  await room.publish({ title: TRICKY, category_id: news.id, body_html: '<p>x</p>', canonical_url: 'https://bao-goc.example.vn/a-b-c' }, '2026-11-30T03:00:00Z')
  await room.publish({ title: SPORT, category_id: sports.id, body_html: '<p>y</p>' }, '2026-11-30T04:00:00Z')
})

describe('GET /feeds/rss.xml', () => {
  it('is RSS 2.0 whose titles, links, times, bodies, authors and categories read back exactly', async () => {
    const { status, type, text } = await fetchDoc('/feeds/rss.xml')
    expect(status, text).toBe(200)
    expect(type).toBe('application/rss+xml; charset=utf-8')
    const feed = readFeed(text)
    expect(feed.title).toBe('Tin Edge')
    expect(feed.items.map((i) => i.title)).toEqual([SPORT, TRICKY, VIETNAMESE])
    expect(feed.items[1]!.url).toBe('https://bao-goc.example.vn/a-b-c')
    const item = feed.items[2]!
    expect(item.url).toBe('http://127.0.0.1:8787/thoi-su/da-nang-mua-lon')
    expect(item.description).toBe('Mưa lớn <kéo dài>')
    // The parser decodes entities in what it shows; the bytes sent are checked below.
    expect(item.content).toBe('<p>Nước dâng <strong>cao</strong> & nhanh.</p>')
    expect(item.published?.toISOString()).toBe('2026-11-30T02:35:00.000Z')
    expect(item.authors.map((a) => a.name)).toEqual(['Đặng Thị Hoa', 'Nguyễn Văn An & <Cộng sự>'])
    expect(item.categories.map((c) => c.label)).toEqual(['Thời sự', 'Mưa lũ'])

    const raw = parseXml(text).rss.channel.item[2]
    expect(raw.pubDate).toBe('Mon, 30 Nov 2026 09:35:00 +0700')
    expect(raw['content:encoded']).toBe(BODY)
    expect(raw.guid).toMatchObject({ '#text': `tag:127.0.0.1,2026:article-${flood.id}`, '@isPermaLink': 'false' })
  })

  it('carries the cover as an absolute enclosure and as media:content with size, type, caption and credit', async () => {
    const { text } = await fetchDoc('/feeds/rss.xml')
    const { url, bytes } = cover
    expect(readFeed(text).items[2]!.media).toEqual([expect.objectContaining({ url, length: bytes, mimeType: 'image/jpeg' })])
    const raw = parseXml(text).rss.channel.item[2]
    expect(raw.enclosure).toEqual({ '@url': url, '@length': String(bytes), '@type': 'image/jpeg' })
    expect(raw['media:content']).toEqual([
      expect.objectContaining({ '@url': url, '@type': 'image/jpeg', '@medium': 'image', '@width': '1200', '@height': '800', '@fileSize': String(bytes) }),
    ])
    expect(raw['media:content'][0]['media:description']).toMatchObject({ '#text': 'Phố ngập & <sâu>', '@type': 'plain' })
    expect(raw['media:content'][0]['media:credit']).toBe('TTXVN')
    expect(parseXml(text).rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/')
  })
})

describe('GET /feeds/atom.xml', () => {
  it('is Atom 1.0 with plain-text titles, offsets, html content, enclosure link, authors and categories', async () => {
    const { status, type, text } = await fetchDoc('/feeds/atom.xml')
    expect(status, text).toBe(200)
    expect(type).toBe('application/atom+xml; charset=utf-8')
    const feed = readFeed(text)
    expect(feed.items.map((i) => i.title)).toEqual([SPORT, TRICKY, VIETNAMESE])
    const item = feed.items[2]!
    expect(item.url).toBe('http://127.0.0.1:8787/thoi-su/da-nang-mua-lon')
    expect(item.content).toBe('<p>Nước dâng <strong>cao</strong> & nhanh.</p>')
    expect(item.authors.map((a) => a.name)).toEqual(['Đặng Thị Hoa', 'Nguyễn Văn An & <Cộng sự>'])
    expect(item.categories.map((c) => [c.term, c.label])).toEqual([['thoi-su', 'Thời sự'], ['mua-lu', 'Mưa lũ']])
    expect(item.media[0]).toMatchObject({ url: cover.url, mimeType: 'image/jpeg', length: cover.bytes })

    const raw = parseXml(text).feed
    expect(raw.entry[2].content).toEqual({ '#text': BODY, '@type': 'html' })
    expect(raw.entry[2].published).toBe('2026-11-30T09:35:00+07:00')
    expect(raw.entry[2].updated).toMatch(/\+07:00$/)
    expect(raw.entry[1].title).toMatchObject({ '#text': TRICKY, '@type': 'text' })
    expect(raw.updated).toBe([...raw.entry.map((e: { updated: string }) => e.updated)].sort().at(-1))
  })
})

describe('GET /feeds/feed.json', () => {
  it('is JSON Feed 1.1 with exact titles, offsets, content_html, image and authors', async () => {
    const { status, type, text } = await fetchDoc('/feeds/feed.json')
    expect(status, text).toBe(200)
    expect(type).toBe('application/feed+json; charset=utf-8')
    const feed = JSON.parse(text)
    expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'Tin Edge', language: 'vi', feed_url: 'http://127.0.0.1:8787/feeds/feed.json' })
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual([SPORT, TRICKY, VIETNAMESE])
    expect(feed.items[2]).toMatchObject({
      id: `tag:127.0.0.1,2026:article-${flood.id}`,
      url: 'http://127.0.0.1:8787/thoi-su/da-nang-mua-lon',
      summary: 'Mưa lớn <kéo dài>',
      content_html: BODY,
      image: cover.url,
      date_published: '2026-11-30T09:35:00+07:00',
      authors: [{ name: 'Đặng Thị Hoa' }, { name: 'Nguyễn Văn An & <Cộng sự>' }],
      tags: ['Thời sự', 'Mưa lũ'],
    })
  })
})

describe('?category=', () => {
  it.each(['rss.xml', 'atom.xml', 'feed.json'])('%s of one category holds only its articles and names it', async (file) => {
    const { status, text } = await fetchDoc(`/feeds/${file}?category=the-thao`)
    expect(status, text).toBe(200)
    const feed = file === 'feed.json' ? JSON.parse(text) : readFeed(text)
    expect(feed.title).toBe('Tin Edge: Thể thao')
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual([SPORT])
  })
})
