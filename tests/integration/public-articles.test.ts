import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createAuthor, createCategory, db, getJson } from '../helpers/fixtures'

// One small newsroom: two categories, two authors, published articles one hour
// apart, and one article in every state a reader must never see.
let thoiSu: { id: number }
let theThao: { id: number }
let hoa: { id: number }
let an: { id: number }
const hidden: Record<string, { id: number; slug: string }> = {}
let flood: { id: number; slug: string }

beforeAll(async () => {
  thoiSu = await createCategory('Thời sự')
  theThao = await createCategory('Thể thao')
  hoa = await createAuthor('Đặng Thị Hoa', 'Phóng viên thường trú tại Đà Nẵng.')
  an = await createAuthor('Nguyễn Văn An')
  flood = await createArticle({
    title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục',
    publishedAt: '2017-04-18T09:35:00+07:00',
    categoryId: thoiSu.id,
    tags: ['Đà Nẵng', 'Mưa lũ'],
    authorIds: [hoa.id, an.id],
    paragraphs: Array.from({ length: 10 }, (_, i) => `Đoạn ${i + 1}: ${'mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu '.repeat(10)}`),
    featured: true,
    featuredPosition: 2,
  })
  const titles = [
    'Ăn Tết an toàn ở Hà Nội',
    'Ân tình miền Tây',
    'Bóng đá: Việt Nam thắng đậm Lào',
    'Điện Biên đón mùa hoa ban',
    'Dự báo thời tiết Lạng Sơn',
    'Ánh sáng phố cổ Hội An',
    'Âm vang Cần Thơ',
    'Ấm áp mùa đông Sa Pa',
  ]
  for (const [i, title] of titles.entries()) {
    await createArticle({
      title,
      publishedAt: new Date(Date.UTC(2017, 3, 19, i)).toISOString(),
      categoryId: i % 2 ? theThao.id : thoiSu.id,
      tags: i % 3 === 0 ? ['Mưa lũ'] : ['Du lịch'],
      authorIds: [i % 2 ? an.id : hoa.id],
      featured: i === 3,
      featuredPosition: 1,
    })
  }
  for (const status of ['draft', 'review', 'scheduled', 'archived'] as const) {
    hidden[status] = await createArticle({
      title: `Bài ${status} không được lộ`,
      status,
      categoryId: thoiSu.id,
      tags: ['Mưa lũ'],
      scheduledAt: status === 'scheduled' ? '2030-01-01T00:00:00Z' : undefined,
      publishedAt: status === 'archived' ? '2017-04-20T00:00:00Z' : undefined,
    })
  }
  hidden.trashed = await createArticle({ title: 'Bài đã xóa vào thùng rác', deleted: true, categoryId: thoiSu.id, tags: ['Mưa lũ'] })
})

const ids = (body: { data: { id: number }[] }) => body.data.map((a) => a.id)

describe('GET /api/v1/articles', () => {
  it('lists published articles newest first in the envelope, with the article shape of DESIGN.md', async () => {
    const { status, body, res } = await getJson('/api/v1/articles')
    expect(status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(body.data).toHaveLength(9)
    expect(body.next_cursor).toBeNull()
    const times = body.data.map((a: { published_at: string }) => Date.parse(a.published_at))
    expect(times).toEqual([...times].sort((x, y) => y - x))
    const a = body.data.find((x: { id: number }) => x.id === flood.id)
    expect(Object.keys(a).sort()).toEqual(
      ['authors', 'body_html', 'canonical_url', 'category', 'cover', 'featured', 'id', 'language', 'published_at', 'published_at_display',
        'reading_time_minutes', 'seo', 'slug', 'source', 'summary', 'tags', 'title', 'updated_at', 'url', 'views'].sort(),
    )
    expect(a).toMatchObject({
      slug: 'da-nang-duong-pho-ngap-sau-sau-tran-mua-lon-ky-luc',
      url: 'http://127.0.0.1:8787/thoi-su/da-nang-duong-pho-ngap-sau-sau-tran-mua-lon-ky-luc',
      published_at: '2017-04-18T09:35:00+07:00',
      published_at_display: '09:35 18/04/2017',
      category: { slug: 'thoi-su', name: 'Thời sự' },
      tags: [{ slug: 'da-nang', name: 'Đà Nẵng' }, { slug: 'mua-lu', name: 'Mưa lũ' }],
      authors: [{ slug: 'dang-thi-hoa', name: 'Đặng Thị Hoa' }, { slug: 'nguyen-van-an', name: 'Nguyễn Văn An' }],
      language: 'vi',
      source: 'TTXVN',
      featured: true,
    })
    expect(a.reading_time_minutes).toBeGreaterThan(1)
    expect(a.body_html).toContain('<p>Đoạn 1:')
    expect(a).not.toHaveProperty('body_text')
    expect(a).not.toHaveProperty('status')
  })

  it('never returns drafts, review, scheduled, archived or trashed articles', async () => {
    const seen = ids((await getJson('/api/v1/articles?limit=100')).body)
    for (const h of Object.values(hidden)) expect(seen).not.toContain(h.id)
    const tagged = ids((await getJson('/api/v1/articles?tag=mua-lu&limit=100')).body)
    for (const h of Object.values(hidden)) expect(tagged).not.toContain(h.id)
  })

  it('pages with a keyset cursor through every article exactly once', async () => {
    const all: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const { status, body }: { status: number; body: any } = await getJson(`/api/v1/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(status).toBe(200)
      all.push(...ids(body))
      cursor = body.next_cursor
      pages++
    } while (cursor && pages < 20)
    expect(pages).toBe(5)
    expect(all).toEqual(ids((await getJson('/api/v1/articles?limit=100')).body))
  })

  it('filters by category, tag, author, featured and a time window', async () => {
    const byCat = (await getJson('/api/v1/articles?category=the-thao&limit=100')).body
    expect(byCat.data.length).toBe(4)
    expect(byCat.data.every((a: any) => a.category.slug === 'the-thao')).toBe(true)

    const byTag = (await getJson('/api/v1/articles?tag=mua-lu&limit=100')).body
    expect(byTag.data.map((a: any) => a.tags.some((t: any) => t.slug === 'mua-lu'))).not.toContain(false)
    expect(byTag.data.length).toBe(4)

    const byAuthor = (await getJson('/api/v1/articles?author=nguyen-van-an&limit=100')).body
    expect(byAuthor.data.length).toBe(5)
    expect(byAuthor.data.every((a: any) => a.authors.some((x: any) => x.slug === 'nguyen-van-an'))).toBe(true)

    const both = (await getJson('/api/v1/articles?tag=mua-lu&author=dang-thi-hoa&category=thoi-su')).body
    expect(both.data.every((a: any) => a.category.slug === 'thoi-su')).toBe(true)
    expect(both.data.length).toBe(3)

    const featured = (await getJson('/api/v1/articles?featured=true&sort=position')).body
    expect(featured.data.map((a: any) => a.title)).toEqual(['Điện Biên đón mùa hoa ban', flood.slug && 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục'])

    const window = (await getJson('/api/v1/articles?since=2017-04-19T08:00:00%2B07:00&until=2017-04-19T10:00:00%2B07:00')).body
    expect(window.data.map((a: any) => a.published_at)).toEqual(['2017-04-19T09:00:00+07:00', '2017-04-19T08:00:00+07:00'])
  })

  it('sorts titles in Vietnamese dictionary order (a < ă < â, d < đ, syllable tone before the next syllable)', async () => {
    const { body } = await getJson('/api/v1/articles?sort=title&limit=100&fields=title')
    expect(body.data.map((a: { title: string }) => a.title)).toEqual([
      'Ánh sáng phố cổ Hội An',
      'Ăn Tết an toàn ở Hà Nội',
      'Âm vang Cần Thơ',
      'Ấm áp mùa đông Sa Pa',
      'Ân tình miền Tây',
      'Bóng đá: Việt Nam thắng đậm Lào',
      'Dự báo thời tiết Lạng Sơn',
      'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục',
      'Điện Biên đón mùa hoa ban',
    ])
    const desc = (await getJson('/api/v1/articles?sort=-title&limit=3&fields=title')).body
    expect(desc.data[0].title).toBe('Điện Biên đón mùa hoa ban')
    const page2 = (await getJson(`/api/v1/articles?sort=-title&limit=3&fields=title&cursor=${desc.next_cursor}`)).body
    expect(page2.data[0].title).toBe('Bóng đá: Việt Nam thắng đậm Lào')
  })

  it('trims each article to the fields asked for', async () => {
    const { body } = await getJson('/api/v1/articles?fields=id,title,url&limit=1')
    expect(Object.keys(body.data[0]).sort()).toEqual(['id', 'title', 'url'])
  })

  it('answers an unknown category, tag or author with 404, not an empty list', async () => {
    for (const q of ['category=khong-co', 'tag=khong-co', 'author=khong-co']) {
      const { status, body } = await getJson(`/api/v1/articles?${q}`)
      expect(status).toBe(404)
      expect(body.error.code).toBe('not_found')
    }
  })
})

describe('GET /api/v1/articles/{id} and /slug/{slug}', () => {
  it('returns one published article by id and by slug', async () => {
    const byId = await getJson(`/api/v1/articles/${flood.id}`)
    expect(byId.status).toBe(200)
    expect(byId.body.data.title).toBe('Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục')
    const bySlug = await getJson(`/api/v1/articles/slug/${flood.slug}?fields=id,slug`)
    expect(bySlug.body).toEqual({ data: { id: flood.id, slug: flood.slug } })
  })

  it('hides every unpublished state by id and by slug', async () => {
    for (const h of Object.values(hidden)) {
      expect((await getJson(`/api/v1/articles/${h.id}`)).status).toBe(404)
      const bySlug = await getJson(`/api/v1/articles/slug/${h.slug}`)
      expect(bySlug.status).toBe(404)
      expect(bySlug.body.error.code).toBe('not_found')
    }
    expect((await getJson('/api/v1/articles/999999')).status).toBe(404)
  })

  it('301s an old slug to the current one, keeping the query, and never reveals a hidden article', async () => {
    await db().insertInto('slug_history').values({ slug: 'da-nang-ngap-sau', article_id: flood.id, created_at: new Date().toISOString() }).execute()
    await db().insertInto('slug_history').values({ slug: 'ban-nhap-cu', article_id: hidden.draft!.id, created_at: new Date().toISOString() }).execute()
    const res = await SELF.fetch('http://127.0.0.1:8787/api/v1/articles/slug/da-nang-ngap-sau?fields=id', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe(`/api/v1/articles/slug/${flood.slug}?fields=id`)
    expect((await getJson('/api/v1/articles/slug/ban-nhap-cu')).status).toBe(404)
  })
})

describe('caching headers', () => {
  it('sends an ETag and Cache-Control, and answers a matching If-None-Match with 304', async () => {
    const first = await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${flood.id}`)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]+"$/)
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+, stale-while-revalidate=\d+/)
    const again = await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${flood.id}`, { headers: { 'If-None-Match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const other = await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${flood.id}`, { headers: { 'If-None-Match': '"stale"' } })
    expect(other.status).toBe(200)
  })

  it('changes the ETag when the article changes', async () => {
    const before = (await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${flood.id}`)).headers.get('etag')
    await db().updateTable('articles').set({ summary: 'Tóm tắt mới' }).where('id', '=', flood.id).execute()
    const after = await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/${flood.id}`, { headers: { 'If-None-Match': before! } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before)
  })
})
