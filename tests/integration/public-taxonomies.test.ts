import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createAuthor, createCategory, getJson } from '../helpers/fixtures'

beforeAll(async () => {
  const kinhTe = await createCategory('Kinh tế', { position: 2 })
  await createCategory('Thời sự', { position: 1 })
  await createCategory('Bất động sản', { parentId: kinhTe.id })
  await createCategory('Chứng khoán', { parentId: kinhTe.id })
  const hoa = await createAuthor('Đặng Thị Hoa', 'Phóng viên thường trú tại Đà Nẵng.')
  const an = await createAuthor('Nguyễn Văn An')
  await createAuthor('Trần Văn Chưa Viết')
  await createArticle({ title: 'Giá nhà Đà Nẵng tăng', categoryId: kinhTe.id, tags: ['Đô thị', 'Bất động sản', 'Ăn uống'], authorIds: [hoa.id] })
  await createArticle({ title: 'Chứng khoán hồi phục', categoryId: kinhTe.id, tags: ['Dầu khí', 'Ấn Độ'], authorIds: [an.id] })
  await createArticle({ title: 'Bản nháp', status: 'draft', tags: ['Chỉ trong bản nháp'], authorIds: [an.id] })
})

describe('categories', () => {
  it('lists the tree: each category with its children, top level by editor position', async () => {
    const { status, body } = await getJson('/api/v1/categories')
    expect(status).toBe(200)
    expect(body.data.map((c: any) => c.slug)).toEqual(['bat-dong-san', 'chung-khoan', 'thoi-su', 'kinh-te'])
    const kinhTe = body.data.find((c: any) => c.slug === 'kinh-te')
    expect(kinhTe).toMatchObject({ name: 'Kinh tế', parent_id: null, url: 'http://127.0.0.1:8787/kinh-te' })
    expect(kinhTe.children.map((c: any) => c.name)).toEqual(['Bất động sản', 'Chứng khoán'])
    expect(body.data.find((c: any) => c.slug === 'bat-dong-san').parent_id).toBe(kinhTe.id)
  })

  it('returns one category by slug with its children, 404 for an unknown one', async () => {
    const { body } = await getJson('/api/v1/categories/kinh-te')
    expect(body.data.children).toHaveLength(2)
    const missing = await getJson('/api/v1/categories/khong-co')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })
})

describe('tags and authors', () => {
  it('lists tags of published articles only, in Vietnamese alphabetical order', async () => {
    const { body } = await getJson('/api/v1/tags')
    expect(body.data.map((t: any) => t.name)).toEqual(['Ăn uống', 'Ấn Độ', 'Bất động sản', 'Dầu khí', 'Đô thị'])
    expect(body.next_cursor).toBeNull()
  })

  it('pages tags with a cursor', async () => {
    const first = (await getJson('/api/v1/tags?limit=2')).body
    expect(first.data.map((t: any) => t.slug)).toEqual(['an-uong', 'an-do'])
    const second = (await getJson(`/api/v1/tags?limit=2&cursor=${first.next_cursor}`)).body
    expect(second.data.map((t: any) => t.slug)).toEqual(['bat-dong-san', 'dau-khi'])
  })

  it('lists authors with published articles, with bio', async () => {
    const { body } = await getJson('/api/v1/authors')
    expect(body.data.map((a: any) => a.name)).toEqual(['Đặng Thị Hoa', 'Nguyễn Văn An'])
    expect(body.data[0]).toMatchObject({ slug: 'dang-thi-hoa', bio: 'Phóng viên thường trú tại Đà Nẵng.', avatar_url: null })
  })

  it('rejects a cursor from another list', async () => {
    const tagsCursor = (await getJson('/api/v1/tags?limit=1')).body.next_cursor
    const { status, body } = await getJson(`/api/v1/authors?cursor=${tagsCursor}`)
    expect(status).toBe(400)
    expect(body.error.details[0].path).toBe('query.cursor')
  })
})
