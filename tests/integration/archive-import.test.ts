import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASE, tokenFor } from '../helpers/auth'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { importLines, line, ndjson, outcomes } from '../helpers/archive'
import { countedFetch } from '../helpers/round-trips'
import { db, getJson } from '../helpers/fixtures'
import { BROWSER_UA, runCron } from '../helpers/views'

let admin: StaffClient

beforeAll(async () => {
  admin = await staffClient('admin')
})

const story = line({
  external_id: 'wp-1204',
  title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn',
  summary: 'Mưa lớn kéo dài khiến nhiều tuyến phố ngập.',
  slug: 'da-nang-ngap-2016',
  category: 'Thời sự',
  tags: ['Đà Nẵng', 'Mưa lớn'],
  authors: ['Đặng Thị Hoa'],
  source: 'TTXVN',
  views: 1204,
  old_urls: ['/?p=1204', '/2016/09/02/da-nang-ngap/', 'https://baocu.vn/tin-tuc/12345-ten-bai.html'],
})

describe('POST /api/admin/imports', () => {
  it('creates a published article with its date, slug, taxonomies by name, views and old URLs', async () => {
    const res = await importLines(admin, [story])
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.data.summary).toEqual({ created: 1, updated: 0, skipped: 0, failed: 0 })
    expect(res.body.data.results[0]).toMatchObject({ line: 1, external_id: 'wp-1204', outcome: 'created', slug: 'da-nang-ngap-2016' })
    const { body } = await getJson('/api/v1/articles/slug/da-nang-ngap-2016')
    expect(body.data).toMatchObject({
      title: story.title,
      published_at: '2016-09-02T08:15:00+07:00',
      category: { slug: 'thoi-su', name: 'Thời sự' },
      tags: [{ slug: 'da-nang' }, { slug: 'mua-lon' }],
      authors: [{ slug: 'dang-thi-hoa', name: 'Đặng Thị Hoa' }],
      source: 'TTXVN',
      views: 1204,
    })
  })

  it('skips an unchanged re-import, updates a changed one in place', async () => {
    const again = await importLines(admin, [story])
    expect(again.body.data.results[0]).toMatchObject({ outcome: 'skipped', slug: 'da-nang-ngap-2016' })
    const changed = await importLines(admin, [{ ...story, title: 'Đà Nẵng: Phố ngập sâu (cập nhật)' }])
    expect(changed.body.data.results[0]).toMatchObject({ outcome: 'updated' })
    const rows = await db().selectFrom('articles').select(['title', 'version']).where('external_id', '=', 'wp-1204').execute()
    expect(rows).toEqual([{ title: 'Đà Nẵng: Phố ngập sâu (cập nhật)', version: 2 }])
    const { body } = await getJson('/api/v1/search?q=pho+ngap+cap+nhat')
    expect(body.data.map((a: { slug: string }) => a.slug)).toContain('da-nang-ngap-2016')
  })

  it('answers each line; bad lines fail alone with their reason', async () => {
    const res = await importLines(admin, [
      '{not json',
      { title: 'Không có mã' },
      line({ external_id: 'bad-cover', cover: { key: 'khong/co.jpg' } }),
      line({ external_id: 'future', published_at: '2999-01-01T00:00:00+07:00' }),
      { type: 'comment', text: 'x' },
      line({ external_id: 'ok-1', status: 'draft', published_at: null }),
      line({ external_id: 'ok-1', title: 'lặp' }),
    ])
    expect(outcomes(res.body)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'created', 'failed'])
    const reasons = res.body.data.results.map((r: { reason?: string }) => r.reason ?? '')
    expect(reasons[1]).toContain('external_id')
    expect(reasons[2]).toContain('khong/co.jpg')
    expect(reasons[3]).toContain('future')
    expect(reasons[6]).toContain('repeated')
  })

  it('gives a taken slug the next free one and says so', async () => {
    const res = await importLines(admin, [line({ external_id: 'other', slug: 'da-nang-ngap-2016' })])
    expect(res.body.data.results[0]).toMatchObject({ outcome: 'created', slug: 'da-nang-ngap-2016-2' })
    expect(res.body.data.results[0].reason).toContain('taken')
  })

  it('adds new beacons on top of the imported total', async () => {
    const id = (await db().selectFrom('articles').select('id').where('external_id', '=', 'wp-1204').executeTakeFirstOrThrow()).id
    for (let i = 0; i < 2; i++) await SELF.fetch(`${BASE}/api/v1/articles/${id}/views`, { method: 'POST', headers: { 'User-Agent': BROWSER_UA } })
    await runCron()
    const { body } = await getJson(`/api/v1/articles/${id}`)
    expect(body.data.views).toBe(1206)
  })

  it('is for admins and admin-scoped tokens only', async () => {
    const editor = await staffClient('editor')
    expect((await importLines(editor, [line({ external_id: 'e' })])).status).toBe(403)
    const narrow = await tokenFor('admin', ['content:read', 'content:write', 'publish'])
    expect((await importLines(narrow, [line({ external_id: 'n' })])).status).toBe(403)
    const full = await tokenFor('admin')
    expect((await importLines(full, [line({ external_id: 'token-line' })])).body.data.summary.created).toBe(1)
  })

  it('refuses more than 500 lines in one request', async () => {
    const lines = Array.from({ length: 501 }, (_, i) => line({ external_id: `many-${i}` }))
    const res = await importLines(admin, lines)
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
  })
})

describe('GET /api/v1/redirects', () => {
  const target = 'http://127.0.0.1:8787'
  it.each(['/?p=1204', '/2016/09/02/da-nang-ngap', '/2016/09/02/DA-NANG-NGAP/?utm_source=fb', '/tin-tuc/12345-ten-bai.html', 'https://baocu.vn/?p=1204&amp=1'])('%s answers 301 to the canonical URL', async (path) => {
    const res = await SELF.fetch(`${BASE}/api/v1/redirects?path=${encodeURIComponent(path)}`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    const body = (await res.json()) as { data: { url: string; slug: string } }
    expect(body.data.slug).toBe('da-nang-ngap-2016')
    expect(res.headers.get('Location')).toBe(body.data.url)
    expect(body.data.url.startsWith(target) || body.data.url.startsWith('http')).toBe(true)
  })

  it('is 404 for an unknown path, a draft, and a missing path parameter is 400', async () => {
    await importLines(admin, [line({ external_id: 'draft-old', status: 'draft', published_at: null, old_urls: ['/?p=77'] })])
    for (const path of ['/?p=999999', '/?p=77', '/khong-co']) {
      const res = await SELF.fetch(`${BASE}/api/v1/redirects?path=${encodeURIComponent(path)}`, { redirect: 'manual' })
      expect(res.status, path).toBe(404)
    }
    expect((await SELF.fetch(`${BASE}/api/v1/redirects`)).status).toBe(400)
  })
})

describe('an import request within the platform limits', () => {
  it('writes 500 articles in about 25 D1 calls, every statement within D1 limits (platformD1)', async () => {
    const lines = Array.from({ length: 500 }, (_, i) =>
      line({ external_id: `limit-${i}`, title: `Quảng Nam: bản tin lưu trữ số ${i}`, category: `Chuyên mục ${i % 7}`, tags: ['Quảng Nam', `Chủ đề ${i % 40}`, 'Lưu trữ'], authors: [`Phóng viên ${i % 9}`, 'Ban biên tập'], views: i, old_urls: [`/?p=${50_000 + i}`, `/tin-tuc/${50_000 + i}-bai.html`] }),
    )
    const res = await countedFetch('/api/admin/imports', { method: 'POST', headers: { ...admin.headers, 'Content-Type': 'application/x-ndjson' }, body: ndjson(lines) })
    expect(res.status, res.text.slice(0, 300)).toBe(200)
    expect(res.body.data.summary).toEqual({ created: 500, updated: 0, skipped: 0, failed: 0 })
    // Session check, 3 reads of references (names created in between), 20 write batches, the audit line.
    expect(res.calls.length).toBeLessThanOrEqual(30)
    expect(res.calls.filter((c) => c.kind === 'batch').length).toBeGreaterThanOrEqual(20)
  })
})
