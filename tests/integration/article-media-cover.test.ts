import { createExecutionContext, env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { figureHtml, newPhoto, usageOf, type Photo } from '../helpers/article-media'
import { getJson } from '../helpers/fixtures'

const SITE = 'http://127.0.0.1:8787'
let editor: StaffClient
let photo: Photo

beforeAll(async () => {
  editor = await staffClient('editor')
  photo = await newPhoto(editor, { width: 1000, height: 600, fields: { alt: 'Cầu Rồng', caption: 'Cầu Rồng về đêm', credit: 'Ảnh: TTXVN' } })
})

async function publishedWithCover(cover: Record<string, unknown>, body_html = '<p>Nội dung</p>') {
  const created = await editor.post('/articles', { title: `Đà Nẵng về đêm ${Math.random()}`, body_html, cover: { media_id: photo.id, ...cover } })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  return (await editor.post(`/articles/${created.body.data.id}/publish`, {}, 1)).body.data
}

describe('covers', () => {
  it('shows each article’s own caption for the same photo', async () => {
    const a = await publishedWithCover({ caption: 'Pháo hoa trên sông Hàn tối 30/4' })
    const b = await publishedWithCover({ caption: 'Người dân đi bộ trên cầu Rồng', credit: 'Ảnh: Hoàng Sơn' })
    const coverOf = async (id: number) => (await getJson(`/api/v1/articles/${id}`)).body.data.cover
    expect(await coverOf(a.id)).toEqual({
      url: `${SITE}/media/${photo.key}`, width: 1000, height: 600, alt: 'Cầu Rồng', caption: 'Pháo hoa trên sông Hàn tối 30/4', credit: 'Ảnh: TTXVN', srcset: null,
    })
    expect(await coverOf(b.id)).toMatchObject({ caption: 'Người dân đi bộ trên cầu Rồng', credit: 'Ảnh: Hoàng Sơn', alt: 'Cầu Rồng' })
    expect(await usageOf(a.id)).toEqual([`cover:${photo.id}`])
    expect(await usageOf(b.id)).toEqual([`cover:${photo.id}`])
  })

  it('falls back to the item’s defaults for null, keeps an empty string as “none”', async () => {
    const a = await publishedWithCover({ alt: null, caption: '', credit: null })
    expect((await getJson(`/api/v1/articles/${a.id}`)).body.data.cover).toMatchObject({ alt: 'Cầu Rồng', caption: '', credit: 'Ảnh: TTXVN' })
  })

  it('gives the editor the cover’s library item beside the write shape, which can be sent back as is', async () => {
    const a = await publishedWithCover({ caption: 'Riêng bài này' })
    const view = (await editor.get(`/articles/${a.id}`)).body.data
    expect(view.cover).toEqual({ media_id: photo.id, alt: null, caption: 'Riêng bài này', credit: null })
    expect(view.cover_media).toEqual({
      id: photo.id, key: photo.key, url: `${SITE}/media/${photo.key}`, width: 1000, height: 600, alt: 'Cầu Rồng', caption: 'Cầu Rồng về đêm', credit: 'Ảnh: TTXVN', srcset: null,
    })
    expect((await editor.patch(`/articles/${a.id}`, { cover: view.cover }, view.version)).status).toBe(200)
  })

  it('usage rows follow the cover: changed, then cleared', async () => {
    const other = await newPhoto(editor)
    const a = await publishedWithCover({}, figureHtml(photo.key))
    expect(await usageOf(a.id)).toEqual([`cover:${photo.id}`, `inline:${photo.id}`])
    const changed = await editor.patch(`/articles/${a.id}`, { cover: { media_id: other.id } }, a.version)
    expect(await usageOf(a.id)).toEqual([`cover:${other.id}`, `inline:${photo.id}`])
    await editor.patch(`/articles/${a.id}`, { cover: null }, changed.body.data.version)
    expect(await usageOf(a.id)).toEqual([`inline:${photo.id}`])
  })

  it('offers srcset on the cover and srcset/sizes on inline images when Image Resizing is on', async () => {
    const a = await publishedWithCover({}, figureHtml(photo.key))
    const resizing = { ...env, IMAGE_RESIZING: 'on', IMAGE_WIDTHS: '480,800,1200' }
    const res = await worker.fetch(new Request(`${SITE}/api/v1/articles/${a.id}`), resizing, createExecutionContext())
    const data = ((await res.json()) as { data: { cover: { srcset: unknown }; body_html: string } }).data
    const resized = (w: number) => `${SITE}/cdn-cgi/image/width=${w},fit=scale-down,format=auto/media/${photo.key}`
    expect(data.cover.srcset).toEqual([{ width: 480, url: resized(480) }, { width: 800, url: resized(800) }])
    expect(data.body_html).toBe(
      `<figure><img src="${SITE}/media/${photo.key}" alt="Cầu Rồng" width="1000" height="600" srcset="${resized(480)} 480w, ${resized(800)} 800w" sizes="(max-width: 800px) 100vw, 800px" loading="lazy" decoding="async" /></figure>`,
    )
  })
})
