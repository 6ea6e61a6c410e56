/**
 * Related articles: 3 points a shared tag, 2 for the same category, 2 for two or
 * more title word pairs in common (1 for one); newest first among equals; never the
 * article itself or an unpublished one.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createCategory, getJson } from '../helpers/fixtures'

const ids: Record<string, number> = {}
const hour = (n: number) => new Date(Date.parse('2024-04-18T02:00:00Z') - Math.round(n * 3_600_000)).toISOString()

beforeAll(async () => {
  const thoiSu = (await createCategory('Thời sự')).id
  const kinhTe = (await createCategory('Kinh tế')).id
  const make = async (key: string, title: string, categoryId: number, tags: string[], age: number, extra = {}) => {
    ids[key] = (await createArticle({ title, categoryId, tags, publishedAt: hour(age), ...extra })).id
  }
  await make('source', 'Lạng Sơn: Mưa lớn gây ngập úng nhiều tuyến phố', thoiSu, ['Lạng Sơn', 'Mưa lũ'], 0)
  await make('twoTagsSameCat', 'Cao Bằng sạt lở đất sau mưa', thoiSu, ['Lạng Sơn', 'Mưa lũ'], 10) // 3+3+2 = 8
  await make('tagCatTitle', 'Lạng Sơn mưa lớn, nhiều tuyến phố ngập úng', thoiSu, ['Mưa lũ'], 9) // 3+2+2 = 7
  await make('oneTagOld', 'Giá vải thiều giảm mạnh', kinhTe, ['Lạng Sơn'], 8) // 3
  await make('oneTagNew', 'Cửa khẩu Tân Thanh thông quan trở lại', kinhTe, ['Lạng Sơn'], 2) // 3, newer
  await make('sameCat', 'Hà Nội tổ chức lễ hội hoa anh đào', thoiSu, [], 3) // 2
  await make('strongAlike', 'Mưa lớn gây ngập úng ở Hà Giang', kinhTe, [], 11) // 2: four title pairs in common
  await make('titleOnly', 'Kinh tế phục hồi nhờ khu vực dịch vụ; phố đi bộ ngập úng ngày mưa', kinhTe, [], 2.5) // 1: one pair
  await make('unrelated', 'Giá vàng tăng kỷ lục', kinhTe, [], 1) // 0: not a candidate
  await make('draft', 'Lạng Sơn: Mưa lớn gây ngập úng (bản nháp)', thoiSu, ['Lạng Sơn', 'Mưa lũ'], 0, { status: 'draft' })
  await make('trashed', 'Lạng Sơn: Mưa lớn gây ngập úng (đã xóa)', thoiSu, ['Lạng Sơn', 'Mưa lũ'], 0, { deleted: true })
})

const related = async (id: number, query = '') => getJson(`/api/v1/articles/${id}/related${query}`)
const keysOf = (data: { id: number }[]) => data.map((a) => Object.keys(ids).find((k) => ids[k] === a.id))

describe('GET /api/v1/articles/{id}/related', () => {
  it('ranks by shared tags, then category and title, newest first among equals', async () => {
    const { status, body } = await related(ids.source!, '?limit=20')
    expect(status).toBe(200)
    expect(keysOf(body.data)).toEqual(['twoTagsSameCat', 'tagCatTitle', 'oneTagNew', 'oneTagOld', 'sameCat', 'strongAlike', 'titleOnly'])
  })

  it('serializes public articles and honours limit', async () => {
    const { body } = await related(ids.source!, '?limit=2')
    expect(keysOf(body.data)).toEqual(['twoTagsSameCat', 'tagCatTitle'])
    expect(body.data[0]).toMatchObject({ slug: expect.any(String), url: expect.any(String), tags: expect.any(Array) })
    expect(body.data[0]).not.toHaveProperty('status')
  })

  it('defaults to 5 and never includes the article itself', async () => {
    const { body } = await related(ids.source!)
    expect(body.data).toHaveLength(5)
    expect(keysOf(body.data)).not.toContain('source')
  })

  it('answers 404 for an unknown, draft or trashed article', async () => {
    for (const id of [999_999, ids.draft!, ids.trashed!]) {
      const { status, body } = await related(id)
      expect(status).toBe(404)
      expect(body.error.code).toBe('not_found')
    }
  })

  it('answers 400 for a bad id or limit', async () => {
    for (const path of ['/api/v1/articles/abc/related', `/api/v1/articles/${ids.source}/related?limit=0`, `/api/v1/articles/${ids.source}/related?limit=21`, `/api/v1/articles/${ids.source}/related?page=2`]) {
      const { status, body } = await getJson(path)
      expect({ path, status }).toEqual({ path, status: 400 })
      expect(body.error.code).toBe('validation_failed')
    }
  })

  it('works for an article with no tags, no category and no words in its title', async () => {
    const lone = await createArticle({ title: '2024 — !!!', categoryId: null })
    const { status, body } = await related(lone.id)
    expect(status).toBe(200)
    expect(body.data).toEqual([])
  })
})
