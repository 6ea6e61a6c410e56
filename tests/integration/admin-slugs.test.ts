import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
})

/** Status (and Location) of a public slug lookup, without following redirects. */
const bySlug = (slug: string) => SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/slug/${slug}`, { redirect: 'manual' })

const create = async (body: Record<string, unknown>) => (await editor.post('/articles', body)).body.data

describe('article slugs', () => {
  it.each([
    ['Đà Nẵng: Đường phố ngập sâu', 'da-nang-duong-pho-ngap-sau'],
    ['Thủ tướng Phạm Minh Chính tiếp Đại sứ', 'thu-tuong-pham-minh-chinh-tiep-dai-su'],
    ['Ưu tiên ổn định kinh tế vĩ mô, kiểm soát lạm phát', 'uu-tien-on-dinh-kinh-te-vi-mo-kiem-soat-lam-phat'],
    ['Giá vàng tăng 5% trong tuần', 'gia-vang-tang-5-phan-tram-trong-tuan'],
  ])('generates %j -> %s', async (title, slug) => {
    expect((await create({ title })).slug).toBe(slug)
  })

  it('falls back to a readable slug for a title without letters', async () => {
    expect((await create({ title: '!!! ???' })).slug).toMatch(/^bai-viet(-\d+)?$/)
  })

  it('suffixes -2, -3 on repeated titles', async () => {
    const slugs = [await create({ title: 'Bão số 3 đổ bộ' }), await create({ title: 'Bão số 3 đổ bộ' }), await create({ title: 'Bão số 3 đổ bộ' })].map((a) => a.slug)
    expect(slugs).toEqual(['bao-so-3-do-bo', 'bao-so-3-do-bo-2', 'bao-so-3-do-bo-3'])
  })

  it('gives the same slug to parallel creates of one title never twice', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => editor.post('/articles', { title: 'Tin nóng cùng lúc' })))
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(new Set(results.map((r) => r.body.data.slug)).size).toBe(5)
  })

  it('accepts an editor’s slug, refuses one in use (409) and a malformed one (400)', async () => {
    expect((await create({ title: 'Tiêu đề dài', slug: 'ngan-gon' })).slug).toBe('ngan-gon')
    const taken = await editor.post('/articles', { title: 'Khác', slug: 'ngan-gon' })
    expect(taken.status).toBe(409)
    expect(taken.body.error.details[0].path).toBe('json.slug')
    expect((await editor.post('/articles', { title: 'Khác', slug: 'Có Dấu' })).status).toBe(400)
  })

  it('keeps the old slug answering with a 301 after a slug edit, and reserves it', async () => {
    const a = await create({ title: 'Lũ quét ở Lào Cai' })
    await editor.post(`/articles/${a.id}/publish`, {})
    const current = (await editor.get(`/articles/${a.id}`)).body.data
    const edited = await editor.patch(`/articles/${a.id}`, { slug: 'lu-quet-lao-cai-cap-nhat' }, current.version)
    expect(edited.status).toBe(200)
    const old = await bySlug('lu-quet-o-lao-cai')
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/api/v1/articles/slug/lu-quet-lao-cai-cap-nhat')
    expect((await bySlug('lu-quet-lao-cai-cap-nhat')).status).toBe(200)
    // The old slug stays reserved for this article: a new article with the same title gets -2,
    // and asking for it explicitly is a conflict.
    expect((await create({ title: 'Lũ quét ở Lào Cai' })).slug).toBe('lu-quet-o-lao-cai-2')
    expect((await editor.post('/articles', { title: 'x', slug: 'lu-quet-o-lao-cai' })).status).toBe(409)
    // The article itself may take its old slug back; then it answers directly again.
    const back = await editor.patch(`/articles/${a.id}`, { slug: 'lu-quet-o-lao-cai' }, edited.body.data.version)
    expect(back.status).toBe(200)
    expect((await bySlug('lu-quet-o-lao-cai')).status).toBe(200)
    expect((await bySlug('lu-quet-lao-cai-cap-nhat')).status).toBe(301)
  })

  it('does not change the slug when only the title changes (URLs stay stable)', async () => {
    const a = await create({ title: 'Tiêu đề ban đầu' })
    const edited = await editor.patch(`/articles/${a.id}`, { title: 'Tiêu đề đã sửa' }, 1)
    expect(edited.body.data.slug).toBe('tieu-de-ban-dau')
  })

  it('treats slugs of articles made elsewhere (imports) as taken', async () => {
    await createArticle({ title: 'Nhập từ hệ thống cũ', slug: 'nhap-tu-he-thong-cu' })
    expect((await create({ title: 'Nhập từ hệ thống cũ' })).slug).toBe('nhap-tu-he-thong-cu-2')
  })
})
