/**
 * Export and restore (docs/archive.md): what `GET /api/admin/exports` writes,
 * imported into an emptied database, gives the same public answers. The wipe is
 * SQL (test setup only); everything else goes through the API.
 */
import { SELF, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASE } from '../helpers/auth'
import { adminCall, staffClient, type StaffClient } from '../helpers/admin-api'
import { importLines, line } from '../helpers/archive'
import { db, getJson } from '../helpers/fixtures'

let admin: StaffClient

async function exportText(query = '') {
  const res = await SELF.fetch(`${BASE}/api/admin/exports${query}`, { headers: admin.headers })
  expect(res.status).toBe(200)
  expect(res.headers.get('Content-Type')).toContain('application/x-ndjson')
  return res.text()
}

/** The public answers a frontend would read, with ids taken out (a restore numbers rows anew). */
async function publicAnswers() {
  const list = (await getJson('/api/v1/articles?limit=100')).body
  const slugs: string[] = list.data.map((a: { slug: string }) => a.slug)
  const paths = ['/api/v1/categories', '/api/v1/tags', '/api/v1/authors', '/api/v1/most-read?window=all', '/api/v1/search?q=da+nang', '/api/v1/articles/slug/khong-co', ...slugs.map((s) => `/api/v1/articles/slug/${s}`)]
  const answers: Record<string, unknown> = { list }
  for (const p of paths) answers[p] = (await getJson(p)).body
  const moved = await SELF.fetch(`${BASE}/api/v1/articles/slug/da-nang-mo-tuyen-xe-buyt-moi`, { redirect: 'manual' })
  answers.moved = [moved.status, moved.headers.get('Location')]
  for (const p of ['/?p=1204', '/?p=77']) {
    const res = await SELF.fetch(`${BASE}/api/v1/redirects?path=${encodeURIComponent(p)}`, { redirect: 'manual' })
    answers[p] = [res.status, res.headers.get('Location')]
  }
  return JSON.parse(JSON.stringify(answers, (k, v) => (['id', 'article_id', 'parent_id'].includes(k) ? undefined : v)))
}

async function wipe() {
  await env.DB.batch(['DELETE FROM articles', 'UPDATE categories SET parent_id = NULL', 'DELETE FROM categories', 'DELETE FROM tags', 'DELETE FROM authors', 'DELETE FROM media'].map((s) => env.DB.prepare(s)))
}

beforeAll(async () => {
  admin = await staffClient('admin')
  const news = await admin.post('/categories', { name: 'Thời sự', description: 'Tin trong nước' })
  await admin.post('/categories', { name: 'Giao thông', parent_id: news.body.data.id, position: 2 })
  const author = await admin.post('/authors', { name: 'Lý Hoàng Nam', bio: 'Phóng viên' })
  const now = '2026-01-01T00:00:00Z'
  await db().insertInto('media').values({ key: '2016/ngap.jpg', filename: 'ngap.jpg', content_type: 'image/jpeg', size: 1000, width: 1200, height: 800, alt: 'Phố ngập', caption: 'Đà Nẵng', credit: 'TTXVN', created_at: now, updated_at: now }).execute()
  const made = await admin.post('/articles', { title: 'Đà Nẵng mở tuyến xe buýt mới', summary: 'Tuyến số 12.', body_html: '<p>Xe buýt <strong>mới</strong>.</p>', category_id: news.body.data.id, tags: ['Giao thông'], author_ids: [author.body.data.id] })
  await adminCall('POST', `/articles/${made.body.data.id}/publish`, { headers: admin.headers, body: { published_at: '2025-05-01T02:00:00Z' }, ifMatch: made.body.data.version })
  await admin.patch(`/articles/${made.body.data.id}`, { slug: 'xe-buyt-da-nang' }, made.body.data.version + 1)
  const res = await importLines(admin, [
    line({ external_id: 'wp-1204', title: 'Đà Nẵng: phố ngập sâu', category: 'Giao thông', tags: ['Đà Nẵng', 'Mưa lớn'], authors: ['Đặng Thị Hoa'], views: 1204, old_urls: ['/?p=1204'], cover: { key: '2016/ngap.jpg', caption: 'Ảnh cũ' }, body_html: '<p>Mưa.</p><figure><img src="/media/2016/ngap.jpg" alt=""><figcaption>Ngập</figcaption></figure>' }),
    line({ external_id: 'wp-77', status: 'draft', published_at: null, old_urls: ['/?p=77'] }),
    line({ external_id: 'wp-78', status: 'archived', title: 'Bài cũ đã lưu' }),
    line({ external_id: 'wp-79', title: 'Đà Nẵng trong thùng rác', deleted_at: '2020-01-01T00:00:00Z' }),
  ])
  expect(res.body.data.summary.failed, JSON.stringify(res.body.data.results)).toBe(0)
})

describe('GET /api/admin/exports', () => {
  it('writes taxonomies, media and every article in the import format', async () => {
    const lines = (await exportText()).trim().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((l) => l.type)).toEqual(['category', 'category', 'tag', 'tag', 'tag', 'author', 'author', 'media', 'article', 'article', 'article', 'article', 'article'])
    expect(lines[1]).toMatchObject({ slug: 'giao-thong', parent_slug: 'thoi-su', position: 2 })
    const imported = lines.find((l) => l.external_id === 'wp-1204')
    expect(imported).toMatchObject({ views: 1204, old_urls: ['/?p=1204'], cover: { key: '2016/ngap.jpg', caption: 'Ảnh cũ' }, author_slugs: ['dang-thi-hoa'], tags: ['Đà Nẵng', 'Mưa lớn'] })
    expect(lines.find((l) => l.external_id === 'wp-79').deleted_at).toBe('2020-01-01T00:00:00.000Z')
  })

  it('is for admins only', async () => {
    const editor = await staffClient('editor')
    expect((await SELF.fetch(`${BASE}/api/admin/exports`, { headers: editor.headers })).status).toBe(403)
  })

  it('restores into an empty database with the same public answers, and a second import changes nothing', async () => {
    const before = await publicAnswers()
    const text = await exportText()
    // Imported back into the same database, the export duplicates nothing (CMS-written articles are `tin-<id>`).
    const same = await adminCall('POST', '/imports', { headers: { ...admin.headers, 'Content-Type': 'application/x-ndjson' }, body: text })
    expect(same.body.data.summary).toMatchObject({ created: 0, failed: 0 })
    expect(await publicAnswers()).toEqual(before)
    await wipe()
    expect((await getJson('/api/v1/articles')).body.data).toEqual([])
    const restored = await adminCall('POST', '/imports', { headers: { ...admin.headers, 'Content-Type': 'application/x-ndjson' }, body: text })
    expect(restored.body.data.summary.failed, JSON.stringify(restored.body.data.results.filter((r: { outcome: string }) => r.outcome === 'failed'))).toBe(0)
    expect(before.moved).toEqual([301, '/api/v1/articles/slug/xe-buyt-da-nang'])
    expect(await publicAnswers()).toEqual(before)
    const again = await adminCall('POST', '/imports', { headers: { ...admin.headers, 'Content-Type': 'application/x-ndjson' }, body: text })
    expect(again.body.data.summary).toMatchObject({ created: 0, updated: 0, failed: 0 })
  })
})
