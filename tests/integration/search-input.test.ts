/**
 * Whatever a reader types, search answers 200 or a JSON 4xx: never an FTS5 syntax
 * error, never a 5xx, and its snippets carry no markup from the article.
 */
import { SELF } from 'cloudflare:test'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createCategory, getJson } from '../helpers/fixtures'

const search = (query: string) => getJson(`/api/v1/search?${query}`)
const q = (text: string) => `q=${encodeURIComponent(text)}`

beforeAll(async () => {
  const cat = await createCategory('Thời sự')
  await createArticle({ title: 'Đoàn Thanh niên Lạng Sơn ra quân', categoryId: cat.id, paragraphs: ['Thừa Thiên Huế mưa lớn (NEAR "x") AND y*'] })
  await createArticle({ title: 'Giá vàng hôm nay tăng mạnh', categoryId: cat.id })
})

describe('search input', () => {
  it.each([
    ['missing q', '', 'query.q'],
    ['empty q', 'q=', 'query.q'],
    ['blank q', q('   \t '), 'query.q'],
    ['a 10 KB q', q('lạng sơn '.repeat(1200)), 'query.q'],
    ['limit 0', `${q('lang')}&limit=0`, 'query.limit'],
    ['limit 101', `${q('lang')}&limit=101`, 'query.limit'],
    ['an unknown parameter', `${q('lang')}&sort=rank`, 'query.sort'],
    ['a category that is not a slug', `${q('lang')}&category=Th%E1%BB%9Di`, 'query.category'],
    ['a malformed cursor', `${q('lang')}&cursor=***`, 'query.cursor'],
  ])('answers 400 with the field for %s', async (_, query, path) => {
    const { status, body } = await search(query)
    expect(status).toBe(400)
    expect(body.error.code).toBe('validation_failed')
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path)
  })

  it('answers 404 for an unknown category', async () => {
    const { status, body } = await search(`${q('lang')}&category=khong-co`)
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })

  it('answers 200 with no results for input that holds no word', async () => {
    for (const text of ['"', '()', '*', '-', '^', ':', '(*)', '🎉🎉', '"""', '- * ^ :']) {
      const { status, body } = await search(q(text))
      expect({ text, status, data: body.data }).toEqual({ text, status: 200, data: [] })
    }
  })

  it('takes FTS5 operators as words a reader typed', async () => {
    const titles = async (text: string) => (await search(q(text))).body.data.map((a: { title: string }) => a.title)
    // The first article's body holds the words NEAR and AND.
    expect(await titles('lạng NEAR AND')).toEqual(['Đoàn Thanh niên Lạng Sơn ra quân'])
    expect(await titles('(lạng) sơn*')).toEqual(['Đoàn Thanh niên Lạng Sơn ra quân'])
    // As FTS5 syntax these would find one or both articles; as words, none has them.
    expect(await titles('lạng OR giá')).toEqual([])
    expect(await titles('giá NOT lạng')).toEqual([])
  })

  it('pages with a cursor bound to its query', async () => {
    const first = await search(`${q('tóm tắt')}&limit=1`)
    expect(first.body.data).toHaveLength(1)
    expect(first.body.next_cursor).toEqual(expect.any(String))
    const second = await search(`${q('tóm tắt')}&limit=1&cursor=${first.body.next_cursor}`)
    expect(second.body.data).toHaveLength(1)
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id)
    expect(second.body.next_cursor).toBeNull()
    const reused = await search(`${q('lang')}&limit=1&cursor=${first.body.next_cursor}`)
    expect(reused.status).toBe(400)
    expect(reused.body.error.details[0].path).toBe('query.cursor')
  })

  it('survives raw, malformed query strings', async () => {
    for (const raw of ['q=%FF', 'q=%', 'q=%E0%A4%A', 'q=a&q=b', 'q[]=x', 'q=%00lang', 'q=lang%0Ason']) {
      const res = await SELF.fetch(`http://127.0.0.1:8787/api/v1/search?${raw}`)
      expect({ raw, ok: res.status < 500 }).toEqual({ raw, ok: true })
      expect(res.headers.get('content-type')).toContain('application/json')
    }
  })

  it('never answers 5xx for any string, FTS5 operators included (property)', async () => {
    const token = fc.constantFrom('"', '(', ')', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '*', '-', '^', ':', '+', '{', '}', ',', ' ', 'lạng', 'son', 'Đ', 'đoàn', '🎉', '\u0301', '\u0000', '\\', "'", ';', '--', '%')
    const input = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(token, { maxLength: 25 }).map((t) => t.join('')),
      fc.array(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 30 }).map((t) => t.join(' ')),
    )
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom('', '&limit=1', '&category=thoi-su'), async (text, extra) => {
        const res = await SELF.fetch(`http://127.0.0.1:8787/api/v1/search?${q(text)}${extra}`)
        const body = (await res.json()) as { data?: unknown[]; error?: { code: string } }
        expect(res.status === 200 || res.status === 400).toBe(true)
        if (res.status === 200) expect(Array.isArray(body.data)).toBe(true)
        else expect(body.error?.code).toBe('validation_failed')
      }),
      { numRuns: 300 },
    )
  })

  it('is published in the OpenAPI document with its parameters', async () => {
    const { status, body } = await getJson('/api/openapi.json')
    expect(status).toBe(200)
    const names = (path: string) => body.paths[path].get.parameters.map((p: { name: string }) => p.name).sort()
    expect(names('/api/v1/search')).toEqual(['category', 'cursor', 'limit', 'q'])
    expect(names('/api/v1/articles/{id}/related')).toEqual(['id', 'limit'])
  })
})
