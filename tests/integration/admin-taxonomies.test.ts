import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createStaff } from '../helpers/auth'
import { getJson } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient
let author: StaffClient

beforeAll(async () => {
  ;[editor, author] = await Promise.all([staffClient('editor'), staffClient('author')])
})

describe('categories', () => {
  it('creates a tree with Vietnamese slugs, suffixing a repeated name', async () => {
    const root = await editor.post('/categories', { name: 'Thời sự', description: 'Tin trong nước' })
    expect(root.status).toBe(201)
    expect(root.body.data).toMatchObject({ slug: 'thoi-su', name: 'Thời sự', parent_id: null, version: 1, article_count: 0 })
    expect(root.res.headers.get('Location')).toBe(`/api/admin/categories/${root.body.data.id}`)
    const child = await editor.post('/categories', { name: 'Đô thị', parent_id: root.body.data.id, position: 2 })
    expect(child.body.data).toMatchObject({ slug: 'do-thi', parent_id: root.body.data.id, position: 2 })
    expect((await editor.post('/categories', { name: 'Thời Sự' })).body.data.slug).toBe('thoi-su-2')
    expect((await editor.post('/categories', { name: 'X', slug: 'thoi-su' })).status).toBe(409)
    const list = await author.get('/categories')
    expect(list.status).toBe(200)
    expect(list.body.data.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['thoi-su', 'do-thi', 'thoi-su-2']))
    // The public API sees the same tree.
    expect((await getJson('/api/v1/categories/thoi-su')).body.data.children).toEqual([{ id: child.body.data.id, slug: 'do-thi', name: 'Đô thị' }])
  })

  it('refuses a parent that does not exist (400) or that would make a cycle (409)', async () => {
    const a = (await editor.post('/categories', { name: 'Cấp một' })).body.data
    const b = (await editor.post('/categories', { name: 'Cấp hai', parent_id: a.id })).body.data
    const c = (await editor.post('/categories', { name: 'Cấp ba', parent_id: b.id })).body.data
    expect((await editor.post('/categories', { name: 'Mồ côi', parent_id: 999_999 })).status).toBe(400)
    const self = await editor.patch(`/categories/${a.id}`, { parent_id: a.id }, 1)
    expect(self.status).toBe(409)
    const loop = await editor.patch(`/categories/${a.id}`, { parent_id: c.id }, 1)
    expect(loop.status).toBe(409)
    expect(loop.body.error.details[0].path).toBe('json.parent_id')
    expect((await editor.get(`/categories/${a.id}`)).body.data).toMatchObject({ parent_id: null, version: 1 })
    // Moving a leaf elsewhere is fine.
    const moved = await editor.patch(`/categories/${c.id}`, { parent_id: a.id }, 1)
    expect(moved.status).toBe(200)
    expect(moved.body.data).toMatchObject({ parent_id: a.id, version: 2 })
  })

  it('deletes only an empty category (409 with articles or subcategories), with If-Match', async () => {
    const parent = (await editor.post('/categories', { name: 'Có con' })).body.data
    await editor.post('/categories', { name: 'Con', parent_id: parent.id })
    expect((await editor.del(`/categories/${parent.id}`, undefined, 1)).status).toBe(409)
    const used = (await editor.post('/categories', { name: 'Có bài' })).body.data
    const article = (await editor.post('/articles', { title: 'Bài trong mục', category_id: used.id })).body.data
    await editor.del(`/articles/${article.id}`, undefined, 1) // trashed articles still count
    const refused = await editor.del(`/categories/${used.id}`, undefined, 1)
    expect(refused.status).toBe(409)
    expect(refused.body.error.details[0].message).toContain('1 article')
    const empty = (await editor.post('/categories', { name: 'Trống' })).body.data
    expect((await editor.del(`/categories/${empty.id}`)).status).toBe(428)
    expect((await editor.del(`/categories/${empty.id}`, undefined, 5)).status).toBe(412)
    expect((await editor.del(`/categories/${empty.id}`, undefined, 1)).status).toBe(204)
    expect((await editor.get(`/categories/${empty.id}`)).status).toBe(404)
  })
})

describe('tags', () => {
  it('one tag per slug; rename keeps the slug; pages in Vietnamese order', async () => {
    const t = await editor.post('/tags', { name: 'Đà Nẵng' })
    expect(t.body.data).toMatchObject({ slug: 'da-nang', name: 'Đà Nẵng' })
    expect((await editor.post('/tags', { name: 'Da Nang' })).status).toBe(409)
    const renamed = await editor.patch(`/tags/${t.body.data.id}`, { name: 'TP Đà Nẵng' }, 1)
    expect(renamed.body.data).toMatchObject({ slug: 'da-nang', name: 'TP Đà Nẵng', version: 2 })
    for (const name of ['Ăn uống', 'Bóng đá', 'An ninh', 'Đường sắt', 'Dịch bệnh']) await editor.post('/tags', { name })
    const names: string[] = []
    let cursor: string | null = null
    do {
      const page: { body: { data: { name: string }[]; next_cursor: string | null } } = await editor.get(`/tags?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      names.push(...page.body.data.map((x) => x.name))
      cursor = page.body.next_cursor
    } while (cursor)
    expect(names).toEqual(['An ninh', 'Ăn uống', 'Bóng đá', 'Dịch bệnh', 'Đường sắt', 'TP Đà Nẵng'])
  })

  it('deleting a tag removes it from articles', async () => {
    const a = (await editor.post('/articles', { title: 'Có thẻ', tags: ['Sẽ xoá', 'Ở lại'] })).body.data
    const tag = (await editor.get('/tags?limit=100')).body.data.find((t: { slug: string }) => t.slug === 'se-xoa')
    expect(tag.article_count).toBe(1)
    expect((await editor.del(`/tags/${tag.id}`, undefined, tag.version)).status).toBe(204)
    expect((await editor.get(`/articles/${a.id}`)).body.data.tags).toEqual(['Ở lại'])
  })
})

describe('authors', () => {
  it('creates bylines (same name -> -2), links a staff account once, edits with If-Match', async () => {
    const { user } = await createStaff('author')
    const a = await editor.post('/authors', { name: 'Nguyễn Văn A', bio: 'Phóng viên', avatar_url: 'https://cdn.vn/a.jpg', user_id: user.id })
    expect(a.status).toBe(201)
    expect(a.body.data).toMatchObject({ slug: 'nguyen-van-a', user_id: user.id, avatar_url: 'https://cdn.vn/a.jpg' })
    const twin = await editor.post('/authors', { name: 'Nguyễn Văn A' })
    expect(twin.body.data.slug).toBe('nguyen-van-a-2')
    expect((await editor.post('/authors', { name: 'Khác', user_id: user.id })).status).toBe(409)
    expect((await editor.post('/authors', { name: 'Khác', user_id: 999_999 })).status).toBe(400)
    expect((await editor.post('/authors', { name: 'Khác', avatar_url: 'javascript:alert(1)' })).status).toBe(400)
    const edited = await editor.patch(`/authors/${twin.body.data.id}`, { bio: 'Biên tập viên' }, 1)
    expect(edited.body.data).toMatchObject({ bio: 'Biên tập viên', version: 2 })
    expect((await editor.patch(`/authors/${twin.body.data.id}`, { bio: 'x' }, 1)).status).toBe(412)
  })

  it('records taxonomy writes in the audit log', async () => {
    const t = (await editor.post('/tags', { name: 'Nhật ký thẻ' })).body.data
    await editor.patch(`/tags/${t.id}`, { name: 'Nhật ký thẻ 2' }, 1)
    await editor.del(`/tags/${t.id}`, undefined, 2)
    const rows = await env.DB.prepare("SELECT action, actor_id FROM audit_log WHERE resource_type = 'tag' AND resource_id = ? ORDER BY id").bind(String(t.id)).all()
    expect(rows.results).toEqual([
      { action: 'tag.created', actor_id: editor.user.id },
      { action: 'tag.updated', actor_id: editor.user.id },
      { action: 'tag.deleted', actor_id: editor.user.id },
    ])
  })
})
