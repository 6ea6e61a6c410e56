import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { getJson } from '../helpers/fixtures'

/**
 * Ordinary Vietnamese headlines make slugs far over D1's 50-byte LIKE/GLOB pattern
 * limit. Saving, renaming and restoring such articles (and long-named authors and
 * categories) must work, and must not leave the isolate broken for the next request.
 */
const HUE = 'Thừa Thiên Huế: Hội nghị tổng kết công tác phòng chống thiên tai và tìm kiếm cứu nạn năm 2025'
/** Cut at a word boundary within 90 characters, leaving room for a -N suffix. */
const HUE_SLUG = 'thua-thien-hue-hoi-nghi-tong-ket-cong-tac-phong-chong-thien-tai-va-tim-kiem-cuu-nan-nam'

let editor: StaffClient
beforeAll(async () => {
  editor = await staffClient('editor')
})

const publicListWorks = async () => expect((await getJson('/api/v1/articles?limit=1')).status).toBe(200)

describe('slugs of long Vietnamese headlines', () => {
  it('creates the article, then a second one with the same headline as -2, and the site keeps answering', async () => {
    const first = await editor.post('/articles', { title: HUE, summary: 'Tổng kết năm 2025.' })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.data.slug).toBe(HUE_SLUG)
    expect(HUE_SLUG.length).toBeGreaterThan(50)
    const second = await editor.post('/articles', { title: HUE })
    expect(second.status).toBe(201)
    expect(second.body.data.slug).toBe(`${HUE_SLUG}-2`)
    await publicListWorks()
  })

  it('suffixes only on numbered siblings: a longer slug sharing the prefix does not count as taken', async () => {
    const base = 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục trong lịch sử thành phố'
    const longer = await editor.post('/articles', { title: `${base} biển` })
    const exact = await editor.post('/articles', { title: base })
    expect(longer.body.data.slug).toBe(`${exact.body.data.slug}-bien`)
    expect(exact.body.data.slug).not.toMatch(/-2$/)
  })

  it('renames a long slug to another long one (the old one 301s) and restores an old revision', async () => {
    const a = (await editor.post('/articles', { title: `${HUE} (cập nhật)` })).body.data
    await editor.post(`/articles/${a.id}/publish`, {})
    const current = (await editor.get(`/articles/${a.id}`)).body.data
    const wanted = 'thua-thien-hue-tong-ket-phong-chong-thien-tai-tim-kiem-cuu-nan-2025-ban-chinh-thuc'
    const renamed = await editor.patch(`/articles/${a.id}`, { slug: wanted }, current.version)
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200)
    const old = await SELF.fetch(`http://127.0.0.1:8787/api/v1/articles/slug/${a.slug}`, { redirect: 'manual' })
    expect(old.status).toBe(301)
    const restored = await editor.post(`/articles/${a.id}/revisions/1/restore`, {}, renamed.body.data.version)
    expect(restored.status, JSON.stringify(restored.body)).toBe(200)
    expect(restored.body.data.slug).toBe(a.slug)
    await publicListWorks()
  })

  it('gives long-named authors and categories -2 on a repeated name', async () => {
    const name = 'Nguyễn Thị Phương Thảo Hoàng Minh Châu Trịnh Bảo Ngọc (Phóng viên thường trú)'
    const a1 = await editor.post('/authors', { name })
    const a2 = await editor.post('/authors', { name })
    expect([a1.status, a2.status]).toEqual([201, 201])
    expect(a2.body.data.slug).toBe(`${a1.body.data.slug}-2`)
    const cat = 'Thời sự trong nước và quốc tế: chính trị, kinh tế, xã hội, môi trường'
    const c1 = await editor.post('/categories', { name: cat })
    const c2 = await editor.post('/categories', { name: cat })
    expect([c1.status, c2.status]).toEqual([201, 201])
    expect(c2.body.data.slug).toBe(`${c1.body.data.slug}-2`)
    await publicListWorks()
  })

  it('finds the slug family through the UNIQUE index, not a scan', async () => {
    const plan = await env.DB.prepare(
      'EXPLAIN QUERY PLAN SELECT slug FROM articles WHERE (slug >= ?1 AND slug < ?1 || \'-:\') AND id != 0 UNION ALL SELECT slug FROM slug_history WHERE (slug >= ?1 AND slug < ?1 || \'-:\') AND article_id != 0',
    )
      .bind(HUE_SLUG)
      .all<{ detail: string }>()
    const details = plan.results.map((r) => r.detail)
    expect(details.some((d) => /SEARCH articles USING (COVERING )?INDEX/.test(d))).toBe(true)
    expect(details.some((d) => /SEARCH slug_history USING (COVERING )?INDEX|PRIMARY KEY/.test(d))).toBe(true)
    expect(details.filter((d) => /^SCAN (articles|slug_history)\b/.test(d))).toEqual([])
  })
})
