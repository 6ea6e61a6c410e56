import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createAuthor, createCategory } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
})

describe('revisions', () => {
  it('writes one per save and lists them newest first, with cursor pages', async () => {
    const a = (await editor.post('/articles', { title: 'Bản một', tags: ['A'] })).body.data
    await editor.patch(`/articles/${a.id}`, { title: 'Bản hai' }, 1)
    await editor.patch(`/articles/${a.id}`, { title: 'Bản ba', tags: ['B', 'C'] }, 2)
    await editor.post(`/articles/${a.id}/submit`, {})
    const first = await editor.get(`/articles/${a.id}/revisions?limit=3`)
    expect(first.status).toBe(200)
    expect(first.body.data.map((r: { version: number; title: string; status: string }) => [r.version, r.title, r.status])).toEqual([
      [4, 'Bản ba', 'review'],
      [3, 'Bản ba', 'draft'],
      [2, 'Bản hai', 'draft'],
    ])
    expect(first.body.data[0].created_by).toBe(editor.user.id)
    const second = await editor.get(`/articles/${a.id}/revisions?limit=3&cursor=${first.body.next_cursor}`)
    expect(second.body.data.map((r: { version: number }) => r.version)).toEqual([1])
    expect(second.body.next_cursor).toBeNull()
  })

  it('shows one revision with its full snapshot', async () => {
    const a = (await editor.post('/articles', { title: 'Ảnh chụp', body_html: '<p>Nội dung gốc</p>', tags: ['Gốc'] })).body.data
    const rev = await editor.get(`/articles/${a.id}/revisions/1`)
    expect(rev.status).toBe(200)
    expect(rev.body.data).toMatchObject({ version: 1, article_id: a.id, snapshot: { title: 'Ảnh chụp', body_html: '<p>Nội dung gốc</p>', tags: ['Gốc'], slug: a.slug } })
    expect((await editor.get(`/articles/${a.id}/revisions/9`)).status).toBe(404)
    expect((await editor.get('/articles/999999/revisions')).status).toBe(404)
  })

  it('restores an old revision as a new version, content and links included, status kept', async () => {
    const category = await createCategory('Pháp luật')
    const author = await createAuthor('Trần Thị Bình')
    const a = (await editor.post('/articles', { title: 'Gốc', summary: 'S1', body_html: '<p>Một</p>', tags: ['X'], category_id: category.id, author_ids: [author.id] })).body.data
    await editor.patch(`/articles/${a.id}`, { title: 'Sửa', summary: 'S2', body_html: '<p>Hai</p>', tags: ['Y'], category_id: null, author_ids: [] }, 1)
    await editor.post(`/articles/${a.id}/publish`, {})
    const restored = await editor.post(`/articles/${a.id}/revisions/1/restore`, {})
    expect(restored.status).toBe(200)
    expect(restored.body.data).toMatchObject({
      title: 'Gốc',
      summary: 'S1',
      body_html: '<p>Một</p>',
      tags: ['X'],
      category_id: category.id,
      author_ids: [author.id],
      status: 'published',
      version: 4,
    })
    const list = await editor.get(`/articles/${a.id}/revisions`)
    expect(list.body.data).toHaveLength(4)
    const audit = await env.DB.prepare("SELECT details FROM audit_log WHERE action = 'article.revision_restored' AND resource_id = ?").bind(String(a.id)).first<{ details: string }>()
    expect(JSON.parse(audit!.details)).toMatchObject({ restored_version: 1, version: 4 })
  })

  it('refuses to restore a revision that points at a deleted author (409) and changes nothing', async () => {
    const author = await createAuthor('Người đã nghỉ')
    const a = (await editor.post('/articles', { title: 'Có tác giả', author_ids: [author.id] })).body.data
    await editor.patch(`/articles/${a.id}`, { author_ids: [] }, 1)
    await env.DB.prepare('DELETE FROM authors WHERE id = ?').bind(author.id).run()
    const res = await editor.post(`/articles/${a.id}/revisions/1/restore`, {})
    expect(res.status).toBe(409)
    expect(res.body.error.details[0].path).toBe('json.author_ids.0')
    expect((await editor.get(`/articles/${a.id}`)).body.data.version).toBe(2)
  })

  it('checks If-Match on restore when sent', async () => {
    const a = (await editor.post('/articles', { title: 'Khôi phục cũ' })).body.data
    await editor.patch(`/articles/${a.id}`, { title: 'Mới' }, 1)
    expect((await editor.post(`/articles/${a.id}/revisions/1/restore`, {}, 1)).status).toBe(412)
    expect((await editor.post(`/articles/${a.id}/revisions/1/restore`, {}, 2)).status).toBe(200)
  })
})
