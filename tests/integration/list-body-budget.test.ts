import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_HTML, MAX_BODY_HTML_BYTES } from '../../schema/api/admin-articles'
import { PAGE_BODY_CHARS } from '../../worker/services/articles/page-budget'
import { contentFingerprint, staffClient, type StaffClient } from '../helpers/admin-api'
import { createArticle, getJson } from '../helpers/fixtures'

/**
 * Big bodies stay within D1's row and result limits and the isolate's memory: a body
 * over MAX_BODY_HTML_BYTES once cleaned is refused, and a list page stops early once
 * its bodies pass PAGE_BODY_CHARS, its cursor carrying on without gaps or repeats.
 */
let editor: StaffClient
const BIG = 190_000

beforeAll(async () => {
  editor = await staffClient('editor')
  for (let i = 0; i < 30; i++) {
    await createArticle({ title: `Phóng sự dài kỳ ${i + 1}: Hành trình người giữ rừng Trường Sơn`, paragraphs: ['Rừng. '.repeat(BIG / 6)], publishedAt: `2024-01-${String(i + 1).padStart(2, '0')}T08:00:00Z` })
  }
})

describe('article bodies and page size', () => {
  it('refuses a body over the byte limit once cleaned, even within the character limit, and writes nothing', async () => {
    const chars = Math.ceil(MAX_BODY_HTML_BYTES / 3) + 1000
    expect(chars).toBeLessThan(MAX_BODY_HTML)
    const before = await contentFingerprint()
    const res = await editor.post('/articles', { title: 'Bài quá dài', body_html: `<p>${'ế'.repeat(chars)}</p>` })
    expect(res.status).toBe(400)
    expect(res.body.error.details[0]).toMatchObject({ path: 'json.body_html' })
    expect(res.body.error.details[0].message).toMatch(/bytes/)
    expect(await contentFingerprint()).toEqual(before)
  })

  it('ends a page of long bodies early and pages through all of them without gaps or repeats', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const res: any = await getJson(`/api/v1/articles?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      const chars = res.body.data.reduce((n: number, a: any) => n + a.body_html.length, 0)
      expect(chars).toBeLessThanOrEqual(PAGE_BODY_CHARS)
      seen.push(...res.body.data.map((a: any) => a.id))
      cursor = res.body.next_cursor
      pages++
    } while (cursor && pages < 10)
    expect(pages).toBeGreaterThan(1)
    expect(new Set(seen).size).toBe(30)
    expect(seen).toHaveLength(30)
  })
})
