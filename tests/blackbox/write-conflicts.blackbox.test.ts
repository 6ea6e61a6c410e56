/**
 * Writes that collide with what is already there: a slug in use (also by four
 * editors at the same moment), a category moved under its own child or deleted
 * while it has articles, a workflow step from the wrong state, an email in use,
 * an edit based on an old version or on none (409, 412, 428). Each gets its error
 * and everyone else is served right after.
 */
import { describe, expect } from 'vitest'
import { seen, send, type Reply } from './support/http.ts'
import type { Newsroom } from './support/newsroom.ts'
import { itServesOthersAfter, type Provocation } from './support/provoke.ts'
import { ADMIN } from './support/staff.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const draft = (title: string, extra: object = {}) => ({ title, summary: 'Bản tin cập nhật từ phóng viên thường trú.', ...extra })

/** The category's current version, for If-Match. */
const versionOf = async (room: Newsroom, path: string) => (await room.api.get(path)).json.data.version as number

/** A category with a subcategory under it. */
function parentAndChild(room: Newsroom) {
  const child = room.report.categories.find((c) => c.parent_id !== null)
  if (!child?.parent_id) throw new Error('the newsroom has no subcategory: its categories could not be written (see the corpus test)')
  return { parent: child.parent_id, child: child.id }
}

/** The n-th published corpus article from the end (the health checks read from the start). */
function published(room: Newsroom, n: number) {
  const article = room.published.at(-n)
  if (!article) throw new Error('the newsroom has no published article to write to: its corpus could not be written (see the corpus test)')
  return article
}

/** A category some article is filed under. */
async function categoryInUse(room: Newsroom): Promise<number> {
  const used = (await room.api.get('/categories')).json?.data?.find((c: { article_count: number }) => c.article_count > 0)
  if (!used) throw new Error('no category has an article')
  return used.id
}

/** Runs `n` requests at once and checks the statuses; returns the one answer of `pick` status. */
async function atOnce(n: number, make: (i: number) => Promise<Reply>, statuses: number[], pick: number) {
  const replies = await Promise.all(Array.from({ length: n }, (_, i) => make(i)))
  expect(replies.map((r) => r.status).sort(), replies.map(seen).join('\n')).toEqual(statuses)
  return replies.find((r) => r.status === pick)!
}

/** Every admin tag, page by page. */
async function allTags(room: Newsroom): Promise<{ name: string; slug: string }[]> {
  const tags = []
  let cursor: string | null = ''
  while (cursor !== null) {
    const reply = await room.api.get(`/tags?limit=100${cursor ? `&cursor=${cursor}` : ''}`)
    expect(reply.status, seen(reply)).toBe(200)
    tags.push(...reply.json.data)
    cursor = reply.json.next_cursor
  }
  return tags
}

const PROVOCATIONS: Provocation[] = [
  { name: 'a new article asking for a published article’s slug', status: 409, code: 'conflict', send: (room) => room.api.post('/articles', draft('Bài trùng đường dẫn', { slug: room.probe.slug })) },
  {
    name: 'four editors asking for the same new slug at the same moment',
    status: 409,
    send: (room) => atOnce(4, (i) => room.api.post('/articles', draft(`Quảng Trị: Lũ lên nhanh, bản tin số ${i + 1}`, { slug: 'quang-tri-lu-len-nhanh' })), [201, 409, 409, 409], 409),
  },
  {
    name: 'four editors tagging new articles with the same new tag at the same moment',
    status: 201,
    send: async (room) => {
      const tag = 'Sạt lở bờ biển Phú Yên 2025'
      const reply = await atOnce(4, (i) => room.api.post('/articles', draft(`Phú Yên: Sạt lở bờ biển, bản tin số ${i + 1}`, { tags: [tag] })), [201, 201, 201, 201], 201)
      expect((await allTags(room)).filter((t) => t.name === tag), 'the tag list shows the new tag once').toHaveLength(1)
      return reply
    },
  },
  {
    name: 'moving a category under its own subcategory',
    status: 409,
    send: async (room) => {
      const { parent, child } = parentAndChild(room)
      return room.api.patch(`/categories/${parent}`, { parent_id: child }, { 'if-match': `"${await versionOf(room, `/categories/${parent}`)}"` })
    },
  },
  {
    name: 'deleting a category that still has articles',
    status: 409,
    send: async (room) => {
      const id = await categoryInUse(room)
      return room.api.del(`/categories/${id}`, undefined, { 'if-match': `"${await versionOf(room, `/categories/${id}`)}"` })
    },
  },
  {
    name: 'submitting an article that is already published',
    status: 409,
    send: async (room) => {
      const a = published(room, 1)
      return room.api.post(`/articles/${a.id}/submit`, {}, { 'if-match': `"${await versionOf(room, `/articles/${a.id}`)}"` })
    },
  },
  { name: 'a staff account with an email already in use', status: 409, send: (room) => room.api.post('/users', { email: ADMIN.email, name: 'Trùng email', role: 'editor', password: 'mat-khau-trung-email' }) },
  { name: 'editing a published article from an old version', status: 412, code: 'precondition_failed', send: (room) => room.api.patch(`/articles/${published(room, 2).id}`, { summary: 'Sửa từ bản cũ.' }, { 'if-match': '"1"' }) },
  { name: 'editing an article without If-Match', status: 428, code: 'precondition_required', send: (room) => room.api.patch(`/articles/${published(room, 2).id}`, { summary: 'Sửa mà không nói phiên bản.' }) },
  { name: 'deleting an article from an old version', status: 412, send: (room) => room.api.del(`/articles/${published(room, 3).id}`, undefined, { 'if-match': '"1"' }) },
  { name: 'deleting a tag without If-Match', status: 428, send: (room) => send(room.url, 'DELETE', '/api/admin/tags/1', { headers: { authorization: room.credentials.bearer } }) },
]

describe('write conflicts', () => {
  const room = useNewsroom()
  itServesOthersAfter(room, PROVOCATIONS)
  itLoggedNoUnhandledError(room)
})
