import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_AUTHORS, MAX_BODY_HTML, MAX_TAGS } from '../../schema/api/admin-articles'
import worker from '../../worker/index'
import { ADMIN_BODY_LIMIT } from '../../worker/middleware/admin-body-limit'
import { contentFingerprint, staffClient, type StaffClient } from '../helpers/admin-api'
import { BASE } from '../helpers/auth'
import { createArticle, createAuthor, createCategory } from '../helpers/fixtures'
import { maxFunctionArguments, platformD1 } from '../helpers/platform-d1'

/**
 * Every route at the edge of its input limits, on a D1 binding that refuses what
 * production D1 refuses (100 bound parameters, 100 KB statements, 1,000 queries per
 * invocation): the local D1 accepts far more, so without this a deploy would be the
 * first to find out. See docs/limits.md.
 */
let editor: StaffClient
let fullId: number

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const { d1, calls } = platformD1()
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(BASE + path, {
      method,
      headers: { ...editor.headers, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    }),
    { ...env, DB: d1 },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, calls }
}

/** A paragraph of Vietnamese with full diacritics (3-byte UTF-8 characters in it). */
const PARAGRAPH = 'Người dân phường Hòa Khánh Bắc, quận Liên Chiểu, Đà Nẵng khẩn trương dọn dẹp bùn đất sau trận mưa lớn kỷ lục đêm qua. '
const maxBody = () => {
  const inner = PARAGRAPH.repeat(Math.floor((MAX_BODY_HTML - 7) / PARAGRAPH.length))
  return `<p>${inner}</p>`
}

beforeAll(async () => {
  editor = await staffClient('editor')
  const category = await createCategory('Thời sự')
  const authors = await Promise.all(Array.from({ length: MAX_AUTHORS }, (_, i) => createAuthor(`Phóng viên Nguyễn Văn Thành số ${i + 1}`)))
  // 120 published articles, each with several tags and authors, so a page of 100 is full.
  for (let i = 0; i < 120; i++) {
    await createArticle({
      title: `Tin số ${i + 1}: Đà Nẵng khắc phục hậu quả mưa lớn tại các quận ven biển`,
      categoryId: category.id,
      tags: [`Đà Nẵng`, `Mưa lớn ${i % 7}`, `Quận ${i % 11}`],
      authorIds: [authors[i % MAX_AUTHORS]!.id, authors[(i + 1) % MAX_AUTHORS]!.id],
    })
  }
  const created = await call('POST', '/api/admin/articles', {
    title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục, hàng nghìn hộ dân phải sơ tán khẩn cấp trong đêm',
    summary: 'Mưa lớn kéo dài khiến nhiều tuyến đường ở Đà Nẵng ngập sâu.',
    body_html: maxBody(),
    tags: Array.from({ length: MAX_TAGS }, (_, i) => `Chủ đề thời sự số ${i + 1} về thiên tai`),
    author_ids: authors.map((a) => a.id),
    category_id: category.id,
  })
  expect(created.status, JSON.stringify(created.body)?.slice(0, 300)).toBe(201)
  fullId = created.body.data.id
  const published = await call('POST', `/api/admin/articles/${fullId}/publish`, {})
  expect(published.status, JSON.stringify(published.body)?.slice(0, 300)).toBe(200)
})

describe('production D1 limits at the edge of every input', () => {
  it(`saves an article with ${MAX_TAGS} new tags, ${MAX_AUTHORS} authors and a ${MAX_BODY_HTML}-character body, and edits all of them`, async () => {
    const current = await call('GET', `/api/admin/articles/${fullId}`)
    const edited = await call(
      'PATCH',
      `/api/admin/articles/${fullId}`,
      { tags: Array.from({ length: MAX_TAGS }, (_, i) => `Chủ đề sửa số ${i + 1}`), author_ids: [...current.body.data.author_ids].reverse(), body_html: maxBody() },
      { 'If-Match': `"${current.body.data.version}"` },
    )
    expect(edited.status, JSON.stringify(edited.body)?.slice(0, 300)).toBe(200)
    expect(edited.body.data.tags).toHaveLength(MAX_TAGS)
    const restored = await call('POST', `/api/admin/articles/${fullId}/revisions/1/restore`, {}, { 'If-Match': `"${edited.body.data.version}"` })
    expect(restored.status, JSON.stringify(restored.body)?.slice(0, 300)).toBe(200)
  })

  it('keeps the largest article row under D1’s 2 MB row limit', async () => {
    const row = await env.DB.prepare(
      `SELECT length(CAST(body_html AS BLOB)) + length(CAST(body_text AS BLOB)) + length(CAST(title AS BLOB)) + length(CAST(summary AS BLOB)) AS n FROM articles WHERE id = ?`,
    )
      .bind(fullId)
      .first<{ n: number }>()
    expect(row!.n).toBeLessThan(2_000_000)
    const rev = await env.DB.prepare('SELECT max(length(CAST(snapshot AS BLOB))) AS n FROM revisions WHERE article_id = ?').bind(fullId).first<{ n: number }>()
    expect(rev!.n).toBeLessThan(2_000_000)
  })

  it.each([
    ['/api/v1/articles?limit=100'],
    ['/api/v1/articles?limit=100&category=thoi-su&tag=da-nang&sort=title'],
    ['/api/v1/articles?limit=100&fields=id,title,url'],
    ['/api/v1/search?q=da+nang&limit=100'],
    ['/api/v1/tags?limit=100'],
    ['/api/v1/authors?limit=100'],
    ['/api/v1/categories'],
    ['/api/admin/articles?limit=100'],
    ['/api/admin/search?q=da+nang&limit=100'],
    ['/api/admin/tags?limit=100'],
  ])('GET %s stays within the limits', async (path) => {
    const res = await call('GET', path)
    expect(res.status, JSON.stringify(res.body)?.slice(0, 300)).toBe(200)
    expect(res.body.data.length).toBeGreaterThan(0)
  })

  it('reads the biggest article, its related list (30 tags), revisions and most-read within the limits', async () => {
    const paths = [`/api/v1/articles/${fullId}`, `/api/v1/articles/${fullId}/related?limit=20`, `/api/admin/articles/${fullId}/revisions?limit=100`, '/api/v1/most-read?window=all&limit=100']
    for (const path of paths) {
      const res = await call('GET', path)
      expect(res.status, `${path}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBe(200)
    }
  })
})

describe('request bodies are bounded before they are parsed', () => {
  const oversized = () => JSON.stringify({ title: 'Quá lớn', body_html: `<p>${'ạ'.repeat(ADMIN_BODY_LIMIT / 2)}</p>` })

  it('refuses an admin body over the limit with a 413 envelope, writes nothing, and the next request works', async () => {
    const before = await contentFingerprint()
    const res = await worker.fetch(
      new Request(`${BASE}/api/admin/articles`, { method: 'POST', headers: { ...editor.headers, 'Content-Type': 'application/json' }, body: oversized() }),
      env,
      createExecutionContext(),
    )
    expect(res.status).toBe(413)
    expect((await res.json<any>()).error).toMatchObject({ code: 'payload_too_large', details: [{ path: 'body' }] })
    expect(await contentFingerprint()).toEqual(before)
    expect((await call('GET', '/api/admin/articles?limit=1')).status).toBe(200)
  })

  it('counts a streamed body without Content-Length too', async () => {
    const bytes = new TextEncoder().encode(oversized())
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 64 << 10) controller.enqueue(bytes.subarray(i, i + (64 << 10)))
        controller.close()
      },
    })
    const res = await worker.fetch(
      new Request(`${BASE}/api/admin/articles`, { method: 'POST', headers: { ...editor.headers, 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body: stream, duplex: 'half' } as RequestInit),
      env,
      createExecutionContext(),
    )
    expect(res.status).toBe(413)
  })
})

describe('the limits helper itself', () => {
  it('counts function arguments the way D1 does (its limit is 32)', () => {
    expect(maxFunctionArguments("SELECT json_object('a', 1, 'b', max(1, 2, 3)) FROM t WHERE x IN (1, 2)")).toBe(4)
    expect(maxFunctionArguments("SELECT count() , coalesce(a, ',,,') FROM (SELECT 1, 2, 3)")).toBe(2)
  })
})
