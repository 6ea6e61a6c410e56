/**
 * The media library's admin API after upload (docs/media.md): list paging, search
 * with Vietnamese folding, edits with If-Match, and who may do what.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { uploadNewImage } from '../helpers/media-library'

let editor: StaffClient
let author: StaffClient
let contributor: StaffClient

beforeAll(async () => {
  ;[editor, author, contributor] = [await staffClient('editor'), await staffClient('author'), await staffClient('contributor')]
})

const created = async (res: Promise<{ status: number; body: any }>) => {
  const r = await res
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body.data as { id: number; version: number; key: string }
}

describe('GET /api/admin/media', () => {
  it('pages newest first by cursor, with no item repeated or skipped', async () => {
    const ids: number[] = []
    for (let i = 0; i < 7; i++) ids.push((await created(uploadNewImage(author))).id)
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res = await author.get(`/media?mine=1&limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      seen.push(...res.body.data.map((m: { id: number }) => m.id))
      cursor = res.body.next_cursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual([...ids].reverse())
  })

  it('finds text without accents: "quang minh", "da nang", a filename word, a prefix', async () => {
    const item = await created(uploadNewImage(editor, 'jpeg', { filename: 'mua-lu-hoi-an.jpg', fields: { credit: 'Ảnh: Quang Minh', caption: 'Đường phố Đà Nẵng ngập sâu' } }))
    for (const q of ['quang minh', 'da nang', 'Đà Nẵng', 'hoi', 'ngap sa', 'QUANG']) {
      const res = await editor.get(`/media?q=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(200)
      expect(res.body.data.map((m: { id: number }) => m.id), q).toContain(item.id)
    }
    const none = await editor.get(`/media?q=${encodeURIComponent('quang hai')}`)
    expect(none.body.data.map((m: { id: number }) => m.id)).not.toContain(item.id)
  })

  it('refuses bad parameters with a 400 and answers well right after', async () => {
    for (const qs of ['limit=0', 'limit=101', 'cursor=***', 'cursor=abc', 'mine=yes', 'sort=name', `q=${'a'.repeat(201)}`]) {
      const res = await editor.get(`/media?${qs}`)
      expect(res.status, qs).toBe(400)
      expect(res.body.error.code).toMatch(/bad_request|validation_failed/)
    }
    for (const q of ['"', '*', 'NEAR(', '-', '(((', 'AND OR NOT', '^x']) expect((await editor.get(`/media?q=${encodeURIComponent(q)}`)).status, q).toBe(200)
    expect((await editor.get('/media')).status).toBe(200)
  })
})

describe('PATCH /api/admin/media/{id}', () => {
  it('needs If-Match (428), refuses a stale one (412) and saves with the current one', async () => {
    const item = await created(uploadNewImage(author))
    expect((await author.patch(`/media/${item.id}`, { alt: 'Một' })).status).toBe(428)
    const stale = await author.patch(`/media/${item.id}`, { alt: 'Một' }, 7)
    expect(stale.status).toBe(412)
    expect(stale.res.headers.get('ETag')).toBe('"1"')
    const ok = await author.patch(`/media/${item.id}`, { alt: '  Đường ngập  ', filename: 'duong-ngap.png' }, 1)
    expect(ok.status).toBe(200)
    expect(ok.body.data).toMatchObject({ alt: 'Đường ngập', filename: 'duong-ngap.png', version: 2, used_by: [] })
    expect(ok.res.headers.get('ETag')).toBe('"2"')
    expect((await author.patch(`/media/${item.id}`, { alt: 'x'.repeat(501) }, 2)).status).toBe(400)
    expect((await author.patch(`/media/${item.id}`, { key: 'x.png' }, 2)).status).toBe(400)
    expect((await author.get(`/media/${item.id}`)).body.data.alt).toBe('Đường ngập')
  })

  it('lets the desk edit anything and authors or contributors only their own uploads', async () => {
    const mine = await created(uploadNewImage(contributor))
    const theirs = await created(uploadNewImage(editor))
    expect((await contributor.patch(`/media/${mine.id}`, { caption: 'Của tôi' }, 1)).status).toBe(200)
    expect((await contributor.patch(`/media/${theirs.id}`, { caption: 'Không' }, 1)).status).toBe(403)
    expect((await author.patch(`/media/${theirs.id}`, { caption: 'Không' }, 1)).status).toBe(403)
    expect((await editor.patch(`/media/${mine.id}`, { credit: 'TTXVN' }, 2)).status).toBe(200)
    expect((await contributor.del(`/media/${theirs.id}`, undefined, 1)).status).toBe(403)
    expect((await contributor.get(`/media/${theirs.id}`)).status).toBe(200)
    expect((await contributor.del(`/media/${mine.id}`, undefined, 3)).status).toBe(204)
    expect((await editor.get(`/media/${mine.id}`)).status).toBe(404)
  })

  it('answers 404 for an unknown id, 400 for a bad one', async () => {
    expect((await editor.get('/media/999999')).status).toBe(404)
    expect((await editor.patch('/media/999999', { alt: 'x' }, 1)).status).toBe(404)
    expect((await editor.get('/media/abc')).status).toBe(400)
  })
})
