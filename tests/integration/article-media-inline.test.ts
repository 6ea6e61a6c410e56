import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentFingerprint, staffClient, type StaffClient } from '../helpers/admin-api'
import { figureHtml, mediaRowDeletable, newPhoto, usageOf, type Photo } from '../helpers/article-media'
import { db, getJson } from '../helpers/fixtures'
import { runBatch } from '../../worker/db/batch'
import { isMediaGone, setInlineUsageStatements } from '../../worker/services/editorial/media-usage'

const SITE = 'http://127.0.0.1:8787'
let editor: StaffClient
let photo: Photo

beforeAll(async () => {
  editor = await staffClient('editor')
  photo = await newPhoto(editor, { width: 1600, height: 1067, fields: { alt: 'Người dân lội nước ở Hải Châu', credit: 'Ảnh: Quang Minh' } })
})

const published = async (body_html: string) => {
  const created = await editor.post('/articles', { title: `Mưa lớn ở Đà Nẵng ${Math.random()}`, body_html })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const done = await editor.post(`/articles/${created.body.data.id}/publish`, {}, created.body.data.version)
  expect(done.status).toBe(200)
  return done.body.data
}

describe('inline figures: admin save → public read', () => {
  it('stores the figure relative with the library’s size and default alt, and serves it absolute and lazy', async () => {
    const pasted = `<p>Nước lên nhanh.</p><img src="${SITE}/media/${photo.key}" width="10" height="10"><p>Chiều nay</p>`
    const a = await published(pasted)
    const stored = `<p>Nước lên nhanh.</p><figure><img src="/media/${photo.key}" alt="Người dân lội nước ở Hải Châu" width="1600" height="1067" /></figure><p>Chiều nay</p>`
    expect(a.body_html).toBe(stored)
    const pub = (await getJson(`/api/v1/articles/${a.id}`)).body.data
    expect(pub.body_html).toBe(
      `<p>Nước lên nhanh.</p><figure><img src="${SITE}/media/${photo.key}" alt="Người dân lội nước ở Hải Châu" width="1600" height="1067" loading="lazy" decoding="async" /></figure><p>Chiều nay</p>`,
    )
    expect(await usageOf(a.id)).toEqual([`inline:${photo.id}`])
  })

  it('keeps the editor’s own alt and caption, and the same photo twice is one usage row', async () => {
    const a = await published(figureHtml(photo.key, 'Phố <em>Bạch Đằng</em> sáng 18/4', 'Phố ngập') + figureHtml(photo.key))
    expect(a.body_html).toBe(
      `<figure><img src="/media/${photo.key}" alt="Phố ngập" width="1600" height="1067" /><figcaption>Phố <em>Bạch Đằng</em> sáng 18/4</figcaption></figure>` +
        `<figure><img src="/media/${photo.key}" alt="Người dân lội nước ở Hải Châu" width="1600" height="1067" /></figure>`,
    )
    expect(await usageOf(a.id)).toEqual([`inline:${photo.id}`])
  })

  it('refuses an unknown /media/ key with 422 naming it, and changes nothing', async () => {
    const a = await published('<p>Bản đầu</p>')
    const before = { ...(await contentFingerprint()), usage: await usageOf(a.id) }
    const body_html = `<p>x</p>${figureHtml(photo.key)}${figureHtml('0000000000000000deadbeef.jpg')}`
    const patched = await editor.patch(`/articles/${a.id}`, { body_html }, a.version)
    expect(patched.status).toBe(422)
    expect(patched.body.error.details).toEqual([{ path: 'json.body_html', message: 'no media with key 0000000000000000deadbeef.jpg (/media/0000000000000000deadbeef.jpg)' }])
    const created = await editor.post('/articles', { title: 'Ảnh lạ', body_html })
    expect(created.status).toBe(422)
    expect({ ...(await contentFingerprint()), usage: await usageOf(a.id) }).toEqual(before)
  })

  it('usage follows edits: figure removed → usage gone → the photo may be deleted', async () => {
    const own = await newPhoto(editor)
    const a = await published(`<p>Một</p>${figureHtml(own.key, 'Chú thích')}`)
    expect(await usageOf(a.id)).toEqual([`inline:${own.id}`])
    expect(await mediaRowDeletable(own.id)).toBe(false)
    const edited = await editor.patch(`/articles/${a.id}`, { body_html: '<p>Một</p>' }, a.version)
    expect(edited.status).toBe(200)
    expect(await usageOf(a.id)).toEqual([])
    expect(await mediaRowDeletable(own.id)).toBe(true)
  })

  it('a trashed article still uses its photos; a purged one no longer does', async () => {
    const admin = await staffClient('admin')
    const own = await newPhoto(editor)
    const a = await published(figureHtml(own.key))
    const trashed = await editor.del(`/articles/${a.id}`, undefined, a.version)
    expect(trashed.status).toBe(200)
    expect(await usageOf(a.id)).toEqual([`inline:${own.id}`])
    expect(await mediaRowDeletable(own.id)).toBe(false)
    const restored = await editor.post(`/articles/${a.id}/restore`, {}, trashed.body.data.version)
    expect(restored.status).toBe(200)
    expect(await usageOf(a.id)).toEqual([`inline:${own.id}`])
    await editor.del(`/articles/${a.id}`, undefined, restored.body.data.version)
    expect((await admin.post(`/articles/${a.id}/purge`, {})).status).toBe(204)
    expect(await mediaRowDeletable(own.id)).toBe(true)
  })

  it('looks up 150 different library images of one body in one statement, under D1’s bound-parameter limit', async () => {
    const photos: Photo[] = []
    for (let i = 0; i < 150; i++) photos.push(await newPhoto(editor, { width: 100 + i, height: 10 }))
    const a = await published(photos.map((p) => figureHtml(p.key)).join(''))
    expect((await usageOf(a.id)).length).toBe(150)
    const stored = await env.DB.prepare('SELECT body_html FROM articles WHERE id = ?').bind(a.id).first<{ body_html: string }>()
    expect(stored!.body_html.match(/width="\d+" height="10"/g)).toHaveLength(150)
    expect(stored!.body_html).toContain('width="249" height="10"')
  })

  it('fails the whole save batch when a looked-up photo is deleted before it lands (the usage guard)', async () => {
    const a = await published('<p>Đua</p>')
    const statements = setInlineUsageStatements(db(), a.id, [photo.key, 'ffffffffffffffffffffffffffffffff.png'], true)
    const err = await runBatch(env.DB, statements).then(() => null, (e: unknown) => e)
    expect(isMediaGone(err)).toBe(true)
    expect(await usageOf(a.id)).toEqual([])
    await runBatch(env.DB, setInlineUsageStatements(db(), a.id, [photo.key], true))
    expect(await usageOf(a.id)).toEqual([`inline:${photo.id}`])
  })
})
