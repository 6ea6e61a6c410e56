import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { figureHtml, newPhoto, usageOf } from '../helpers/article-media'

let editor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
})

async function lastAudit(articleId: number) {
  const row = await env.DB.prepare("SELECT action, details FROM audit_log WHERE resource_type = 'article' AND resource_id = ? ORDER BY id DESC LIMIT 1")
    .bind(String(articleId))
    .first<{ action: string; details: string }>()
  return { action: row!.action, details: JSON.parse(row!.details) }
}

describe('media usage through workflow actions and revision restores', () => {
  it('keeps usage through submit, publish, unpublish, archive and restores it with an old revision', async () => {
    const [kept, later] = [await newPhoto(editor), await newPhoto(editor)]
    const created = await editor.post('/articles', { title: 'Vòng đời ảnh', body_html: figureHtml(kept.key, 'Bản một'), cover: { media_id: kept.id } })
    const id = created.body.data.id as number
    let version = created.body.data.version as number
    for (const action of ['submit', 'publish', 'unpublish', 'publish', 'archive']) {
      const r = await editor.post(`/articles/${id}/${action}`, {}, version)
      expect(r.status, action).toBe(200)
      version = r.body.data.version
      expect(await usageOf(id), action).toEqual([`cover:${kept.id}`, `inline:${kept.id}`])
    }
    const edited = await editor.patch(`/articles/${id}`, { body_html: figureHtml(later.key), cover: null }, version)
    expect(await usageOf(id)).toEqual([`inline:${later.id}`])
    const restored = await editor.post(`/articles/${id}/revisions/1/restore`, {}, edited.body.data.version)
    expect(restored.status).toBe(200)
    expect(await usageOf(id)).toEqual([`cover:${kept.id}`, `inline:${kept.id}`])
  })

  it('restores a revision whose photos were deleted since without them (cover unset, figure gone), and says so', async () => {
    const [gone, stays] = [await newPhoto(editor), await newPhoto(editor)]
    const v1 = `<p>Mở đầu</p>${figureHtml(gone.key, 'Ảnh đã bị gỡ')}${figureHtml(stays.key, 'Ảnh còn')}`
    const created = await editor.post('/articles', { title: 'Ảnh bị gỡ bản quyền', body_html: v1, cover: { media_id: gone.id, caption: 'Bìa' } })
    const id = created.body.data.id as number
    const edited = await editor.patch(`/articles/${id}`, { body_html: '<p>Mở đầu</p>', cover: null }, 1)
    // Nothing uses it any more, so the library may delete it (the row, as the media API does).
    await env.DB.prepare('DELETE FROM media WHERE id = ?').bind(gone.id).run()
    const restored = await editor.post(`/articles/${id}/revisions/1/restore`, {}, edited.body.data.version)
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
    expect(restored.body.data.cover).toBeNull()
    expect(restored.body.data.body_html).toBe(`<p>Mở đầu</p><figure><img src="/media/${stays.key}" alt="" width="64" height="48" /><figcaption>Ảnh còn</figcaption></figure>`)
    expect(await usageOf(id)).toEqual([`inline:${stays.id}`])
    expect(await lastAudit(id)).toMatchObject({ action: 'article.revision_restored', details: { restored_version: 1, dropped_media: { cover: gone.id, keys: [gone.key] } } })
  })

  it('sanitizes a restored body again under today’s rules', async () => {
    const created = await editor.post('/articles', { title: 'Bài cũ', body_html: '<p>Cũ</p>' })
    const id = created.body.data.id as number
    const legacy = JSON.stringify({ ...created.body.data, body_html: '<p>Cũ</p><img src="https://old-cdn.example/a.jpg" title="x"><p>Hết</p>', status: 'draft' })
    await env.DB.prepare('UPDATE revisions SET snapshot = ? WHERE article_id = ? AND version = 1').bind(legacy, id).run()
    const edited = await editor.patch(`/articles/${id}`, { summary: 'Sửa' }, 1)
    const restored = await editor.post(`/articles/${id}/revisions/1/restore`, {}, edited.body.data.version)
    expect(restored.body.data.body_html).toBe('<p>Cũ</p><p>Hết</p>')
  })
})
