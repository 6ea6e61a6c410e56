import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { figureHtml, newPhoto, type Photo } from '../helpers/article-media'
import { getJson } from '../helpers/fixtures'

let editor: StaffClient
let photo: Photo

beforeAll(async () => {
  editor = await staffClient('editor')
  // The item's default alt names a word no article text holds: it must not reach the index either.
  photo = await newPhoto(editor, { width: 800, height: 500, fields: { alt: 'Đàn voọc chà vá chân nâu' } })
})

const idsFound = async (q: string) => ((await getJson(`/api/v1/search?q=${encodeURIComponent(q)}`)).body.data as { id: number }[]).map((a) => a.id)

describe('search and reading time with images', () => {
  it('finds a word only in a caption, never a word only in alt text', async () => {
    const body_html = `<p>Sơn Trà đón khách trở lại.</p>${figureHtml(photo.key, 'Khách tham quan bán đảo lúc bình minh', 'Linh trưởng quý hiếm')}`
    const created = await editor.post('/articles', { title: 'Bán đảo Sơn Trà mở cửa', body_html })
    await editor.post(`/articles/${created.body.data.id}/publish`, {}, 1)
    expect(await idsFound('bình minh')).toContain(created.body.data.id)
    expect(await idsFound('linh trưởng')).not.toContain(created.body.data.id)
    expect(await idsFound('voọc')).not.toContain(created.body.data.id)
    expect(await idsFound('media')).not.toContain(created.body.data.id)
  })

  it('counts the same words and reading time with or without an image', async () => {
    const words = 'Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu. '.repeat(60)
    const created = await editor.post('/articles', { title: 'Đếm chữ', body_html: `<p>${words}</p>` })
    const published = await editor.post(`/articles/${created.body.data.id}/publish`, {}, 1)
    const before = (await getJson(`/api/v1/articles/${created.body.data.id}`)).body.data.reading_time_minutes
    const edited = await editor.patch(`/articles/${created.body.data.id}`, { body_html: `<p>${words}</p>${figureHtml(photo.key)}<p></p>` }, published.body.data.version)
    expect(edited.status).toBe(200)
    expect(edited.body.data.word_count).toBe(created.body.data.word_count)
    expect((await getJson(`/api/v1/articles/${created.body.data.id}`)).body.data.reading_time_minutes).toBe(before)
    expect(before).toBe(3)
  })
})
