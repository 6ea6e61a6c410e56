import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAuthor, createCategory, getJson } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient
let categoryId: number
let authorId: number

beforeAll(async () => {
  editor = await staffClient('editor')
  categoryId = (await createCategory('Thời sự')).id
  authorId = (await createAuthor('Nguyễn Văn An')).id
})

describe('creating an article', () => {
  it('stores every field, sanitizes the body and answers with the admin view', async () => {
    const { status, body, res } = await editor.post('/articles', {
      title: 'Đà Nẵng: Đường phố ngập sâu',
      summary: 'Mưa lớn kéo dài khiến nhiều tuyến phố ngập.',
      body_html: '<p>Sáng nay, nhiều tuyến đường <strong>ngập sâu</strong>.</p><script>alert(1)</script>',
      category_id: categoryId,
      tags: ['Đà Nẵng', 'Thời tiết', 'đà nẵng'],
      author_ids: [authorId],
      source: 'TTXVN',
      cover: null,
      seo: { title: 'Đà Nẵng ngập', description: 'Mưa lớn' },
      canonical_url: 'https://bao.example.vn/da-nang',
      featured: true,
      featured_position: 2,
      language: 'vi',
    })
    expect(status).toBe(201)
    const a = body.data
    expect(res.headers.get('Location')).toBe(`/api/admin/articles/${a.id}`)
    expect(res.headers.get('ETag')).toBe('"1"')
    expect(a).toMatchObject({
      slug: 'da-nang-duong-pho-ngap-sau',
      status: 'draft',
      version: 1,
      title: 'Đà Nẵng: Đường phố ngập sâu',
      body_html: '<p>Sáng nay, nhiều tuyến đường <strong>ngập sâu</strong>.</p>',
      category_id: categoryId,
      category: { id: categoryId, slug: 'thoi-su', name: 'Thời sự' },
      tags: ['Đà Nẵng', 'Thời tiết'],
      author_ids: [authorId],
      source: 'TTXVN',
      seo: { title: 'Đà Nẵng ngập', description: 'Mưa lớn' },
      featured: true,
      featured_position: 2,
      published_at: null,
      deleted_at: null,
      created_by: editor.user.id,
      word_count: 7,
    })
    expect(a.created_at).toMatch(/\+07:00$/)
    const row = await env.DB.prepare('SELECT body_text, title_sort FROM articles WHERE id = ?').bind(a.id).first<{ body_text: string; title_sort: string }>()
    expect(row!.body_text).toBe('Sáng nay, nhiều tuyến đường ngập sâu.')
    expect(row!.title_sort).not.toBe('')
  })

  it('is not public while it is a draft', async () => {
    const { body } = await editor.post('/articles', { title: 'Bản nháp bí mật' })
    expect((await getJson(`/api/v1/articles/${body.data.id}`)).status).toBe(404)
  })

  it('refuses id, version, status, timestamps and created_by in the body (mass assignment)', async () => {
    for (const key of ['id', 'version', 'status', 'created_at', 'updated_at', 'published_at', 'created_by', 'deleted_at']) {
      const { status, body } = await editor.post('/articles', { title: 'Thử', [key]: key === 'status' ? 'published' : 1 })
      expect(status, key).toBe(400)
      expect(body.error.details[0].path).toBe(`json.${key}`)
    }
  })

  it('refuses references to a category, author or media that does not exist', async () => {
    const { status, body } = await editor.post('/articles', { title: 'Thử', category_id: 999_999, author_ids: [authorId, 888_888], cover: { media_id: 777_777 } })
    expect(status).toBe(400)
    expect(body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['json.author_ids.1', 'json.category_id', 'json.cover.media_id'])
  })
})

describe('sanitizing on write', () => {
  it('stores and publishes only allowlisted HTML, keeping Vietnamese text and allowed embeds', async () => {
    const dirty =
      '<p onclick="steal()">Người dân <a href="javascript:alert(1)">Hà Nội</a> đón Tết</p>' +
      '<img src="data:image/png;base64,AAAA"><img src="https://cdn.vn/a.jpg" onerror="alert(1)" alt="Phố cổ">' +
      '<iframe src="https://evil.example/x"></iframe><iframe src="https://www.youtube.com/embed/abc123"></iframe>' +
      '<script>document.cookie</script><style>body{}</style>'
    const created = (await editor.post('/articles', { title: 'Lọc HTML', body_html: dirty })).body.data
    // cdn.vn is not in IMAGE_HOSTS (empty here): only library images and allowed hosts stay.
    const clean = '<p>Người dân <a>Hà Nội</a> đón Tết</p><iframe src="https://www.youtube.com/embed/abc123"></iframe>'
    expect(created.body_html).toBe(clean)
    const patched = await editor.patch(`/articles/${created.id}`, { body_html: `${dirty}<p>Thêm</p>` }, 1)
    expect(patched.body.data.body_html).toBe(`${clean}<p>Thêm</p>`)
    await editor.post(`/articles/${created.id}/publish`, {})
    expect((await getJson(`/api/v1/articles/${created.id}`)).body.data.body_html).toBe(`${clean}<p>Thêm</p>`)
    const row = await env.DB.prepare('SELECT body_text, word_count FROM articles WHERE id = ?').bind(created.id).first<{ body_text: string; word_count: number }>()
    expect(row).toEqual({ body_text: 'Người dân Hà Nội đón Tết\nThêm', word_count: 7 })
  })
})

describe('editing an article', () => {
  it('changes only the fields sent, bumps the version and answers with the new ETag', async () => {
    const created = (await editor.post('/articles', { title: 'Giá xăng giảm', summary: 'Cũ', tags: ['Kinh tế'] })).body.data
    const { status, body, res } = await editor.patch(`/articles/${created.id}`, { summary: 'Mới', tags: ['Xăng dầu', 'Kinh tế'] }, created.version)
    expect(status).toBe(200)
    expect(res.headers.get('ETag')).toBe('"2"')
    expect(body.data).toMatchObject({ title: 'Giá xăng giảm', summary: 'Mới', tags: ['Xăng dầu', 'Kinh tế'], version: 2, slug: created.slug })
  })

  it('needs If-Match: 428 when missing, 412 with the current version when stale', async () => {
    const created = (await editor.post('/articles', { title: 'Phiên bản' })).body.data
    const missing = await editor.patch(`/articles/${created.id}`, { summary: 'x' })
    expect(missing.status).toBe(428)
    expect(missing.body.error.code).toBe('precondition_required')
    expect((await editor.patch(`/articles/${created.id}`, { summary: 'một' }, 1)).status).toBe(200)
    const stale = await editor.patch(`/articles/${created.id}`, { summary: 'hai' }, 1)
    expect(stale.status).toBe(412)
    expect(stale.body.error.details).toEqual([{ path: 'header.if-match', message: 'current version is 2' }])
    expect(stale.res.headers.get('ETag')).toBe('"2"')
    // Bare and weak forms of the version are accepted too.
    expect((await editor.patch(`/articles/${created.id}`, { summary: 'ba' }, '2')).status).toBe(200)
    expect((await editor.patch(`/articles/${created.id}`, { summary: 'bốn' }, 'W/"3"')).status).toBe(200)
    const after = await editor.get(`/articles/${created.id}`)
    expect(after.body.data).toMatchObject({ summary: 'bốn', version: 4 })
  })

  it('refuses an empty patch and non-editable keys without changing anything', async () => {
    const created = (await editor.post('/articles', { title: 'Không đổi' })).body.data
    expect((await editor.patch(`/articles/${created.id}`, {}, 1)).status).toBe(400)
    expect((await editor.patch(`/articles/${created.id}`, { version: 9 }, 1)).status).toBe(400)
    expect((await editor.patch(`/articles/${created.id}`, { status: 'published' }, 1)).status).toBe(400)
    expect((await editor.get(`/articles/${created.id}`)).body.data).toMatchObject({ version: 1, status: 'draft' })
  })

  it('answers 404 for an article that does not exist', async () => {
    expect((await editor.get('/articles/987654')).status).toBe(404)
    expect((await editor.patch('/articles/987654', { title: 'x' }, 1)).status).toBe(404)
  })
})

describe('the admin list', () => {
  it('lists every status newest-updated first, filters by status and pages with a cursor', async () => {
    const ids: number[] = []
    for (const title of ['Danh sách một', 'Danh sách hai', 'Danh sách ba']) ids.push((await editor.post('/articles', { title })).body.data.id)
    await editor.post(`/articles/${ids[0]}/publish`, {})
    // Touching the first one makes it the most recently updated.
    const all: number[] = []
    let cursor: string | null = null
    do {
      const page: { body: { data: { id: number; status: string }[]; next_cursor: string | null } } = await editor.get(`/articles?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      all.push(...page.body.data.map((a) => a.id))
      cursor = page.body.next_cursor
    } while (cursor)
    expect(new Set(all).size).toBe(all.length)
    expect(all[0]).toBe(ids[0])
    expect(all.indexOf(ids[2]!)).toBeLessThan(all.indexOf(ids[1]!))
    const published = await editor.get('/articles?status=published')
    expect(published.body.data.map((a: { id: number }) => a.id)).toContain(ids[0])
    expect(published.body.data.every((a: { status: string }) => a.status === 'published')).toBe(true)
    expect((await editor.get('/articles?status=gone')).status).toBe(400)
  })
})

describe('trash and purge', () => {
  it('moves a deleted article to the trash: gone publicly, listed with trash=true, restorable', async () => {
    const created = (await editor.post('/articles', { title: 'Bài sẽ xoá' })).body.data
    const published = (await editor.post(`/articles/${created.id}/publish`, {})).body.data
    expect((await getJson(`/api/v1/articles/${created.id}`)).status).toBe(200)
    expect((await editor.del(`/articles/${created.id}`)).status).toBe(428)
    const trashed = await editor.del(`/articles/${created.id}`, undefined, published.version)
    expect(trashed.status).toBe(200)
    expect(trashed.body.data.deleted_at).not.toBeNull()
    expect((await getJson(`/api/v1/articles/${created.id}`)).status).toBe(404)
    expect((await getJson(`/api/v1/articles/slug/${created.slug}`)).status).toBe(404)
    const live = await editor.get('/articles?limit=100')
    expect(live.body.data.map((a: { id: number }) => a.id)).not.toContain(created.id)
    const trash = await editor.get('/articles?trash=true&limit=100')
    expect(trash.body.data.map((a: { id: number }) => a.id)).toContain(created.id)
    // Editing a trashed article is refused until it is restored.
    expect((await editor.patch(`/articles/${created.id}`, { title: 'x' }, trashed.body.data.version)).status).toBe(409)
    const restored = await editor.post(`/articles/${created.id}/restore`, {})
    expect(restored.status).toBe(200)
    expect(restored.body.data).toMatchObject({ deleted_at: null, status: 'published' })
    expect((await getJson(`/api/v1/articles/${created.id}`)).status).toBe(200)
  })

  it('purges only from the trash and only as an admin; the audit log keeps the record', async () => {
    const admin = await staffClient('admin')
    const created = (await editor.post('/articles', { title: 'Bài xoá vĩnh viễn' })).body.data
    expect((await admin.post(`/articles/${created.id}/purge`, {})).status).toBe(409)
    await editor.del(`/articles/${created.id}`, undefined, created.version)
    expect((await editor.post(`/articles/${created.id}/purge`, {})).status).toBe(403)
    const purged = await admin.post(`/articles/${created.id}/purge`, {})
    expect(purged.status).toBe(204)
    expect((await admin.get(`/articles/${created.id}`)).status).toBe(404)
    const revisions = await env.DB.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').bind(created.id).first<{ n: number }>()
    expect(revisions!.n).toBe(0)
    const audit = await env.DB.prepare("SELECT actor_id FROM audit_log WHERE action = 'article.purged' AND resource_id = ?").bind(String(created.id)).first<{ actor_id: number }>()
    expect(audit!.actor_id).toBe(admin.user.id)
  })
})

describe('audit', () => {
  it('records who created, edited and trashed an article', async () => {
    const created = (await editor.post('/articles', { title: 'Nhật ký' })).body.data
    await editor.patch(`/articles/${created.id}`, { summary: 's' }, 1)
    await editor.del(`/articles/${created.id}`, undefined, 2)
    const rows = await env.DB.prepare("SELECT action, actor_id FROM audit_log WHERE resource_type = 'article' AND resource_id = ? ORDER BY id").bind(String(created.id)).all<{ action: string; actor_id: number }>()
    expect(rows.results).toEqual([
      { action: 'article.created', actor_id: editor.user.id },
      { action: 'article.updated', actor_id: editor.user.id },
      { action: 'article.trashed', actor_id: editor.user.id },
    ])
  })
})
