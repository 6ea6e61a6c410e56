/**
 * The editors' search at /api/admin/search (worker/routes/admin/search.ts, mounted
 * behind requireStaff()), through the real app with a staff token.
 */
import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { tokenFor } from '../helpers/auth'
import { createArticle, createCategory } from '../helpers/fixtures'

const ids: Record<string, number> = {}
let staff: Record<string, string> = {}

beforeAll(async () => {
  staff = (await tokenFor('editor')).headers
  const cat = (await createCategory('Thời sự')).id
  const make = async (key: string, title: string, extra = {}) => {
    ids[key] = (await createArticle({ title, categoryId: cat, ...extra })).id
  }
  await make('published', 'Đà Nẵng: Khánh thành cầu vượt biển')
  await make('draft', 'Đà Nẵng: Dự án cầu vượt sông Hàn (nháp)', { status: 'draft' })
  await make('review', 'Đà Nẵng: Cầu vượt chờ duyệt', { status: 'review' })
  await make('scheduled', 'Đà Nẵng: Cầu vượt sẽ thông xe', { status: 'scheduled', scheduledAt: '2030-01-01T00:00:00Z' })
  await make('archived', 'Đà Nẵng: Cầu vượt cũ (lưu trữ)', { status: 'archived', publishedAt: '2020-01-01T00:00:00Z' })
  await make('trashed', 'Đà Nẵng: Cầu vượt <b>đã xóa</b>', { status: 'draft', deleted: true })
})

const search = async (query: string) => {
  const res = await app.request(`/api/admin/search?${query}`, { headers: staff }, env)
  return { status: res.status, body: (await res.json()) as any, res }
}
const keysOf = (data: { id: number }[]) => data.map((a) => Object.keys(ids).find((k) => ids[k] === a.id)).sort()

describe('admin search', () => {
  it('is for signed-in staff only', async () => {
    const res = await app.request('/api/admin/search?q=cau+vuot', {}, env)
    expect(res.status).toBe(401)
    expect(((await res.json()) as any).error.code).toBe('unauthorized')
  })

  it('finds articles of every status, but not the trash', async () => {
    const { status, body } = await search('q=da+nang+cau+vuot')
    expect(status).toBe(200)
    expect(keysOf(body.data)).toEqual(['archived', 'draft', 'published', 'review', 'scheduled'])
  })

  it('narrows to one status, or searches the trash', async () => {
    expect(keysOf((await search('q=cau+vuot&status=draft')).body.data)).toEqual(['draft'])
    expect(keysOf((await search('q=cau+vuot&trash=true')).body.data)).toEqual(['trashed'])
  })

  it('shows workflow fields, times in the site zone and a safe highlight', async () => {
    const { body, res } = await search('q=cau+vuot&trash=true')
    const hit = body.data[0]
    expect(hit).toMatchObject({ status: 'draft', version: 1, category: { slug: 'thoi-su' } })
    expect(hit.deleted_at).toMatch(/\+07:00$/)
    expect(hit.title_highlight).toBe('Đà Nẵng: <mark>Cầu vượt</mark> &lt;b&gt;đã xóa&lt;/b&gt;')
    expect(res.headers.get('cache-control')).toMatch(/\bno-store\b/)
  })

  it('rejects bad input with the field that is wrong', async () => {
    for (const [query, path] of [['q=+', 'query.q'], ['q=x&status=deleted', 'query.status'], ['q=x&trash=yes', 'query.trash']]) {
      const { status, body } = await search(query!)
      expect(status).toBe(400)
      expect(body.error.details[0].path).toBe(path)
    }
  })

  it('never answers 5xx for any string (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        const { status } = await search(`q=${encodeURIComponent(text)}`)
        expect([200, 400]).toContain(status)
      }),
      { numRuns: 100 },
    )
  })
})
