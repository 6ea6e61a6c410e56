import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { withBookmark } from '../../admin-ui/src/d1-bookmark'
import worker from '../../worker/index'
import { BASE, loginAs, tokenFor, type SignedIn } from '../helpers/auth'
import { createArticle } from '../helpers/fixtures'
import { platformD1 } from '../helpers/platform-d1'

/**
 * D1 read replication through the Sessions API, on the real local D1 with every
 * `withSession()` argument recorded. Local D1 has no replicas (its bookmarks count
 * queries), so what is tested here is which session each request asks for and that
 * bookmarks travel; which replica answers can only be seen in production.
 */
const BOOKMARK = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/

async function call(path: string, init: RequestInit = {}) {
  const { d1, calls, sessions } = platformD1()
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(BASE + path, { redirect: 'manual', ...init }), { ...env, DB: d1 }, ctx)
  await waitOnExecutionContext(ctx)
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null, sessions, calls: calls.length }
}

let editor: SignedIn

/** An editor's PATCH of an article's title at `version`. */
const retitle = (version: number, title: string): RequestInit => ({
  method: 'PATCH',
  headers: { ...editor.headers, 'If-Match': `"${version}"` },
  body: JSON.stringify({ title }),
})

beforeAll(async () => {
  editor = await loginAs('editor')
})

describe('D1 sessions: public reads on the nearest replica', () => {
  it('reads a published article in an unconstrained session and never hands out a bookmark', async () => {
    const a = await createArticle({ title: 'Hà Nội mở thêm tuyến buýt điện' })
    for (const path of [`/api/v1/articles/${a.id}`, '/api/v1/articles', '/api/v1/search?q=buyt', '/api/v1/categories']) {
      const read = await call(path, { headers: { Origin: 'https://frontend.example', 'X-D1-Bookmark': '00000000-00000001-00000000-00000000000000000000000000000000' } })
      expect(read.status, path).toBe(200)
      expect(read.sessions, path).toEqual(['first-unconstrained'])
      expect(read.calls, path).toBeGreaterThan(0)
      expect(read.headers.get('X-D1-Bookmark'), path).toBeNull()
      expect(read.headers.get('Access-Control-Expose-Headers') ?? '', path).not.toMatch(/bookmark/i)
    }
  })

  it('reads a preview link on the primary, so an editor previews what they just saved', async () => {
    const a = await createArticle({ title: 'Bản nháp cần xem trước', status: 'draft' })
    const link = await call(`/api/admin/articles/${a.id}/preview-link`, { method: 'POST', headers: editor.headers, body: '{}' })
    expect(link.status).toBe(201)
    const preview = await call(new URL(link.body.data.url).pathname)
    expect([preview.status, preview.sessions]).toEqual([200, ['first-primary']])
    expect(preview.headers.get('X-D1-Bookmark')).toBeNull()
  })
})

describe('D1 sessions: editors carry a bookmark', () => {
  it('starts an admin request without a bookmark on the primary and answers with one', async () => {
    const me = await call('/api/admin/me', { headers: editor.headers })
    expect([me.status, me.sessions]).toEqual([200, ['first-primary']])
    expect(me.headers.get('X-D1-Bookmark')).toMatch(BOOKMARK)
  })

  it('answers a write with a bookmark, and a request sending it back starts there and reads the write', async () => {
    const a = await createArticle({ title: 'Tiêu đề trước khi biên tập' })
    const saved = await call(`/api/admin/articles/${a.id}`, retitle(a.version, 'Tiêu đề sau khi biên tập'))
    expect(saved.status).toBe(200)
    const bookmark = saved.headers.get('X-D1-Bookmark')!
    expect(bookmark).toMatch(BOOKMARK)

    const next = await call(`/api/admin/articles/${a.id}`, { headers: { ...editor.headers, 'X-D1-Bookmark': bookmark } })
    expect(next.sessions).toEqual([bookmark])
    expect(next.body.data.title).toBe('Tiêu đề sau khi biên tập')
    // Bookmarks sort oldest to newest: the answer is never behind what was sent.
    expect(next.headers.get('X-D1-Bookmark')! >= bookmark).toBe(true)
  })

  it('lets a bearer-token script carry the bookmark too', async () => {
    const { headers } = await tokenFor('editor')
    const created = await call('/api/admin/tags', { method: 'POST', headers, body: JSON.stringify({ name: 'Giao thông' }) })
    expect(created.status).toBe(201)
    const bookmark = created.headers.get('X-D1-Bookmark')!
    expect(bookmark).toMatch(BOOKMARK)
    const listed = await call('/api/admin/tags?limit=100', { headers: { ...headers, 'X-D1-Bookmark': bookmark } })
    expect(listed.sessions).toEqual([bookmark])
    expect(listed.body.data.map((t: { name: string }) => t.name)).toContain('Giao thông')
  })

  it('ignores a malformed bookmark (starts on the primary) instead of failing', async () => {
    const malformed = [
      'garbage',
      '',
      ' ',
      '00000000-00000001-00000000',
      '00000000-00000001-00000000-00000000000000000000000000000000-extra',
      '0000000G-00000001-00000000-00000000000000000000000000000000',
      `00000000-00000001-00000000-${'0'.repeat(5000)}`,
      "00000000-00000001-00000000-0000000000000000000000000000000'; DROP TABLE users; --",
      'first-unconstrained',
    ]
    for (const value of malformed) {
      const me = await call('/api/admin/me', { headers: { ...editor.headers, 'X-D1-Bookmark': value } })
      expect([me.status, me.sessions], JSON.stringify(value.slice(0, 60))).toEqual([200, ['first-primary']])
      expect(me.headers.get('X-D1-Bookmark')).toMatch(BOOKMARK)
    }
  })

  it('is sent back by the admin UI’s fetch: each request starts at the newest bookmark seen', async () => {
    const started: string[][] = []
    const throughWorker: typeof fetch = async (input, init) => {
      const { d1, sessions } = platformD1()
      started.push(sessions)
      const ctx = createExecutionContext()
      const res = await worker.fetch(new Request(new URL(String(input), BASE), init), { ...env, DB: d1 }, ctx)
      await waitOnExecutionContext(ctx)
      return res
    }
    const send = withBookmark(throughWorker)
    const a = await createArticle({ title: 'Bài sửa trong giao diện biên tập' })
    const first = await send('/api/admin/me', { headers: editor.headers })
    const saved = await send(`/api/admin/articles/${a.id}`, retitle(a.version, 'Tiêu đề mới từ giao diện'))
    expect([first.status, saved.status]).toEqual([200, 200])
    const reread = await send(`/api/admin/articles/${a.id}`, { headers: editor.headers })
    expect(((await reread.json()) as { data: { title: string } }).data.title).toBe('Tiêu đề mới từ giao diện')
    expect(started.map((s) => s[0])).toEqual([
      'first-primary',
      first.headers.get('X-D1-Bookmark'),
      saved.headers.get('X-D1-Bookmark'),
    ])
    // A slow request's answer (an older bookmark) arriving after a newer one never replaces it.
    let deliver!: () => void
    const held = new Promise<void>((resolve) => (deliver = resolve))
    const slow = withBookmark(async (input, init) => {
      const res = await throughWorker(input, init)
      await held
      return res
    })
    const late = slow('/api/admin/me', { headers: editor.headers })
    await expect.poll(() => started.length).toBe(4)
    const edited = await send(`/api/admin/articles/${a.id}`, retitle(a.version + 1, 'Tiêu đề sửa lần hai'))
    expect(edited.status).toBe(200)
    deliver()
    expect((await late).headers.get('X-D1-Bookmark')! < edited.headers.get('X-D1-Bookmark')!).toBe(true)
    await send('/api/admin/me', { headers: editor.headers })
    expect(started.at(-1)![0]).toBe(edited.headers.get('X-D1-Bookmark'))
  })

  it('carries the bookmark on refusals too (a 412 read the current version)', async () => {
    const a = await createArticle({ title: 'Bài bị sửa trùng phiên bản' })
    const stale = await call(`/api/admin/articles/${a.id}`, retitle(a.version + 5, 'Không được lưu'))
    expect(stale.status).toBe(412)
    expect(stale.headers.get('X-D1-Bookmark')).toMatch(BOOKMARK)
  })
})
