/**
 * D1 round trips of the editors' saves and workflow actions (docs/performance.md):
 * signed in with the session cookie (one look-up per request; its last_seen_at is
 * written at most once a minute), counted through platformD1 on the real local D1.
 * A whole article's life is walked in order, each step's answer checked, so a step
 * cannot meet its budget by failing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, type SignedIn } from '../helpers/auth'
import { createAuthor, createCategory, db } from '../helpers/fixtures'
import { countedFetch } from '../helpers/round-trips'
import { imageBytes } from '../helpers/images'
import { mediaForm } from '../helpers/media-library'

let editor: SignedIn
let admin: SignedIn
let ids: { category: number; author: number; media: number }

beforeAll(async () => {
  ;[editor, admin] = [await loginAs('editor'), await loginAs('admin')]
  const row = (key: string) => ({ key, filename: 'anh.jpg', content_type: 'image/jpeg', size: 10, width: 800, height: 600, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' })
  const [media] = await db().insertInto('media').values([row('2026/anh.jpg'), row('2026/anh-2.jpg')]).returning('id').execute()
  ids = { category: (await createCategory('Thời sự')).id, author: (await createAuthor('Đặng Thị Hoa')).id, media: media!.id }
})

const call = (who: SignedIn, method: string, path: string, body?: unknown, version?: number) =>
  countedFetch(`/api/admin${path}`, {
    method,
    headers: { ...who.headers, ...(version === undefined ? {} : { 'If-Match': `"${version}"` }) },
    body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body ?? {}),
  })

/**
 * Step -> the most D1 round trips it may make (docs/performance.md): the session
 * look-up, the article's state (one statement with its tags and authors), the
 * checks a change needs (references, a new slug), the save batch, and the answer
 * (one statement with its links).
 */
const BUDGET: Record<string, number> = {
  create: 5, read: 2, list: 2, 'edit text': 4, 'edit body, same figure': 4, 'edit body, new figure': 5, 'edit tags, title and slug': 5,
  submit: 4, publish: 4, unpublish: 4, schedule: 4, revisions: 2, 'restore revision': 6,
  trash: 4, restore: 4, 'trash again': 4, purge: 3, 'create tag': 4,
}

describe('D1 round trips of admin saves and workflow actions', () => {
  it('walks an article from draft to purge within each step’s budget', async () => {
    const measured: Record<string, number> = {}
    let version = 0
    const step = async (name: string, who: SignedIn, method: string, path: string, status: number, body?: unknown, ifMatch = true) => {
      const res = await call(who, method, path, body, ifMatch ? version : undefined)
      expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(status)
      measured[name] = res.calls.length
      if (res.body?.data?.version) version = res.body.data.version
      return res
    }
    const created = await step('create', editor, 'POST', '/articles', 201, {
      title: 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn',
      summary: 'Mưa lớn kéo dài.',
      body_html: '<p>Nội dung.</p><figure><img src="/media/2026/anh.jpg"><figcaption>Ảnh</figcaption></figure>',
      category_id: ids.category,
      tags: ['Đà Nẵng', 'Mưa lớn'],
      author_ids: [ids.author],
      cover: { media_id: ids.media },
    }, false)
    const id = created.body.data.id as number
    await step('read', editor, 'GET', `/articles/${id}`, 200, undefined, false)
    await step('list', editor, 'GET', '/articles?limit=20', 200, undefined, false)
    await step('edit text', editor, 'PATCH', `/articles/${id}`, 200, { summary: 'Mưa lớn kéo dài suốt đêm.' })
    // Images the article already shows need no look-up; a new one is looked up in the reference check's statement.
    await step('edit body, same figure', editor, 'PATCH', `/articles/${id}`, 200, { body_html: '<p>Mới.</p><img src="/media/2026/anh.jpg">' })
    await step('edit body, new figure', editor, 'PATCH', `/articles/${id}`, 200, { body_html: '<p>Mới.</p><img src="/media/2026/anh.jpg"><img src="/media/2026/anh-2.jpg">' })
    await step('edit tags, title and slug', editor, 'PATCH', `/articles/${id}`, 200, { title: 'Đà Nẵng ngập sâu', tags: ['Đà Nẵng', 'Ngập lụt'], slug: 'da-nang-ngap-sau' })
    await step('submit', editor, 'POST', `/articles/${id}/submit`, 200)
    await step('publish', editor, 'POST', `/articles/${id}/publish`, 200)
    await step('unpublish', editor, 'POST', `/articles/${id}/unpublish`, 200)
    await step('schedule', editor, 'POST', `/articles/${id}/schedule`, 200, { at: '2030-01-01T00:00:00Z' })
    await step('revisions', editor, 'GET', `/articles/${id}/revisions`, 200, undefined, false)
    await step('restore revision', editor, 'POST', `/articles/${id}/revisions/1/restore`, 200)
    await step('trash', editor, 'DELETE', `/articles/${id}`, 200)
    await step('restore', editor, 'POST', `/articles/${id}/restore`, 200)
    await step('trash again', editor, 'DELETE', `/articles/${id}`, 200)
    await step('purge', admin, 'POST', `/articles/${id}/purge`, 204, undefined, false)
    await step('create tag', editor, 'POST', '/tags', 201, { name: 'Bão lũ' }, false)
    expect(Object.keys(measured)).toEqual(Object.keys(BUDGET))
    for (const [name, n] of Object.entries(measured)) expect(n, `${name}: ${JSON.stringify(measured)}`).toBeLessThanOrEqual(BUDGET[name]!)
  })
})

/**
 * Media library routes (docs/performance.md): the session look-up, then one
 * statement or batch per step; an upload also checks its key first.
 */
const MEDIA_BUDGET: Record<string, number> = {
  upload: 4, 'upload duplicate': 3, list: 2, search: 2, read: 2, edit: 4, 'delete in use (409)': 2, delete: 3, 'force delete': 4,
}

describe('D1 round trips of the media library', () => {
  it('uploads, lists, reads, edits and deletes within each step’s budget', async () => {
    const measured: Record<string, number> = {}
    const step = async (name: string, who: SignedIn, method: string, path: string, status: number, body?: BodyInit, headers: Record<string, string> = {}) => {
      const res = await countedFetch(`/api/admin${path}`, { method, headers: { Cookie: who.cookie, Origin: who.headers.Origin!, ...headers }, body })
      expect(res.status, `${name}: ${res.text.slice(0, 300)}`).toBe(status)
      measured[name] = res.calls.length
      return res
    }
    const bytes = await imageBytes('jpeg', { width: 320, height: 200, variant: 4242 })
    const up = await step('upload', editor, 'POST', '/media', 201, mediaForm(bytes, 'mua-lu.jpg', { credit: 'Ảnh: Quang Minh' }))
    const id = up.body.data.id as number
    await step('upload duplicate', editor, 'POST', '/media', 200, mediaForm(bytes, 'lai.jpg'))
    await step('list', editor, 'GET', '/media?limit=100', 200)
    await step('search', editor, 'GET', '/media?q=quang%20minh', 200)
    await step('read', editor, 'GET', `/media/${id}`, 200)
    const json = { 'Content-Type': 'application/json' }
    await step('edit', editor, 'PATCH', `/media/${id}`, 200, JSON.stringify({ alt: 'Đường ngập' }), { ...json, 'If-Match': '"1"' })
    const article = await call(editor, 'POST', '/articles', { title: 'Ảnh bìa', cover: { media_id: id } })
    expect(article.status).toBe(201)
    await step('delete in use (409)', editor, 'DELETE', `/media/${id}`, 409, undefined, { 'If-Match': '"2"' })
    await step('force delete', admin, 'DELETE', `/media/${id}?force=true`, 204, undefined, { 'If-Match': '"2"' })
    const other = await step('upload', editor, 'POST', '/media', 201, mediaForm(await imageBytes('png', { width: 9, height: 9, variant: 4243 }), 'b.png'))
    await step('delete', editor, 'DELETE', `/media/${other.body.data.id}`, 204, undefined, { 'If-Match': '"1"' })
    expect(Object.keys(measured).sort()).toEqual(Object.keys(MEDIA_BUDGET).sort())
    for (const [name, n] of Object.entries(measured)) expect(n, `${name}: ${JSON.stringify(measured)}`).toBeLessThanOrEqual(MEDIA_BUDGET[name]!)
  })
})
