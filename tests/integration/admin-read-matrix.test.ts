/**
 * Role x route matrix of the admin READ rules (issue 13, services/editorial/
 * read-rules.ts): each role reads an article it created ("own"), one whose byline
 * carries it ("byline"), and another desk's embargoed story ("other"), through
 * every route that shows an article: get, list, search, revisions, one revision,
 * and minting a preview link (which needs the right to edit). Each cell is exact.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../schema/database'
import { mayRead, READ_RULES } from '../../worker/services/editorial/read-rules'
import { ROLES } from '../../worker/services/editorial/rules'
import { adminCall, staffClient, type StaffClient } from '../helpers/admin-api'

type Who = Role | 'anonymous'
type Kind = 'own' | 'byline' | 'other'
const KINDS: Kind[] = ['own', 'byline', 'other']

const clients = {} as Record<Role, StaffClient>
const articles = {} as Record<Role, Record<Kind, { id: number; word: string }>>

async function article(by: StaffClient, word: string) {
  const { body } = await by.post('/articles', { title: `Tin ${word}`, summary: `Từ khóa ${word}` })
  return body.data.id as number
}

beforeAll(async () => {
  for (const role of ROLES) clients[role] = await staffClient(role)
  const desk = await staffClient('editor')
  for (const role of ROLES) {
    const me = clients[role]
    const profile = await env.DB.prepare('INSERT INTO authors (slug, name, name_sort, user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id')
      .bind(`tac-gia-${me.user.id}`, `Tác giả ${role}`, `tac gia ${role}`, me.user.id, new Date().toISOString(), new Date().toISOString())
      .first<{ id: number }>()
    const words = Object.fromEntries(KINDS.map((k) => [k, `matran${role}${k}`])) as Record<Kind, string>
    const own = await article(me, words.own)
    const byline = await article(desk, words.byline)
    await desk.patch(`/articles/${byline}`, { author_ids: [profile!.id] }, 1)
    const other = await article(desk, words.other)
    await desk.post(`/articles/${other}/schedule`, { at: new Date(Date.now() + 86_400_000).toISOString() })
    articles[role] = { own: { id: own, word: words.own }, byline: { id: byline, word: words.byline }, other: { id: other, word: words.other } }
  }
})

/** What each route answers a reader: a status, or for lists whether the article is in them. */
const ROUTES: [string, (c: StaffClient | null, a: { id: number; word: string }) => Promise<number | 'listed' | 'hidden'>][] = [
  ['GET /articles/{id}', async (c, a) => (await call(c, 'GET', `/articles/${a.id}`)).status],
  ['GET /articles', (c, a) => listed(c, '/articles?limit=100', a.id)],
  ['GET /articles?status=scheduled', (c, a) => listed(c, '/articles?limit=100&status=scheduled', a.id, true)],
  ['GET /search?q=', (c, a) => listed(c, `/search?q=${a.word}`, a.id)],
  ['GET /articles/{id}/revisions', async (c, a) => (await call(c, 'GET', `/articles/${a.id}/revisions`)).status],
  ['GET /articles/{id}/revisions/1', async (c, a) => (await call(c, 'GET', `/articles/${a.id}/revisions/1`)).status],
  ['POST /articles/{id}/preview-link', async (c, a) => (await call(c, 'POST', `/articles/${a.id}/preview-link`, {})).status],
]

const call = (c: StaffClient | null, method: string, path: string, body?: unknown) => adminCall(method, path, { headers: c?.headers ?? {}, body })

async function listed(c: StaffClient | null, path: string, id: number, onlyScheduled = false): Promise<number | 'listed' | 'hidden'> {
  const res = await call(c, 'GET', path)
  if (res.status !== 200) return res.status
  if (onlyScheduled && res.body.data.some((a: any) => a.status !== 'scheduled')) throw new Error('status filter leaked')
  return res.body.data.some((a: any) => a.id === id) ? 'listed' : 'hidden'
}

/** The expected cell, from the rules table and the write rules (a preview link needs edit rights). */
function expected(route: string, who: Who, kind: Kind): number | 'listed' | 'hidden' {
  if (who === 'anonymous') return 401
  const reads = mayRead(who, { own: kind === 'own', byline: kind === 'byline' })
  const isList = route.startsWith('GET /articles?') || route === 'GET /articles' || route.startsWith('GET /search')
  if (route === 'GET /articles?status=scheduled') return reads && kind === 'other' ? 'listed' : 'hidden'
  if (isList) return reads ? 'listed' : 'hidden'
  if (!reads) return 404
  if (route.startsWith('POST')) return READ_RULES[who] === 'all' || kind === 'own' ? 201 : 403
  return 200
}

describe('the read rules table', () => {
  it('desk reads all; authors and contributors their own and their bylines', () => {
    expect(READ_RULES).toEqual({ admin: 'all', editor: 'all', author: 'own-or-byline', contributor: 'own-or-byline' })
    expect(mayRead('contributor', { own: false, byline: false })).toBe(false)
    expect(mayRead('author', { own: false, byline: true })).toBe(true)
  })
})

describe.each([...ROLES, 'anonymous'] as Who[])('%s reads', (who) => {
  it.each(ROUTES.flatMap(([route, run]) => KINDS.map((kind) => [route, kind, run] as const)))('%s on %s', async (route, kind, run) => {
    const owner: Role = who === 'anonymous' ? 'contributor' : who
    const got = await run(who === 'anonymous' ? null : clients[who], articles[owner][kind])
    expect(got).toBe(expected(route, who, kind))
  })
})

describe('an unreadable article answers exactly like a missing one', () => {
  it('same status and body', async () => {
    const c = clients.contributor
    const hidden = await call(c, 'GET', `/articles/${articles.contributor.other.id}`)
    const missing = await call(c, 'GET', '/articles/99999999')
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual(missing.body)
  })
})

describe('articles named outside the article routes', () => {
  it('a media item’s used_by, and the refusal to delete it, show a contributor only the articles they may read', async () => {
    const { env: e } = await import('cloudflare:test')
    const now = new Date().toISOString()
    const media = await e.DB.prepare("INSERT INTO media (key, filename, content_type, size, width, height, alt, caption, credit, uploaded_by, created_at, updated_at) VALUES (?, 'a.jpg', 'image/jpeg', 10, 1, 1, '', '', '', ?, ?, ?) RETURNING id")
      .bind(`${crypto.randomUUID().replace(/-/g, '')}.jpg`, clients.contributor.user.id, now, now)
      .first<{ id: number }>()
    const mine = articles.contributor.own.id
    const theirs = articles.contributor.other.id
    await e.DB.prepare('UPDATE articles SET cover_media_id = ? WHERE id IN (?, ?)').bind(media!.id, mine, theirs).run()
    const seen = (await clients.contributor.get(`/media/${media!.id}`)).body.data.used_by.map((u: any) => u.id)
    expect(seen).toEqual([mine])
    const desk = (await clients.editor.get(`/media/${media!.id}`)).body.data.used_by.map((u: any) => u.id)
    expect(desk).toEqual([mine, theirs].sort((x, y) => x - y))
    // Deleting their own upload: the refusal counts both articles but names only theirs.
    const refused = await clients.contributor.del(`/media/${media!.id}`, undefined, 1)
    expect(refused.status).toBe(409)
    expect(refused.body.error.message).toContain('used by 2 article(s)')
    expect(refused.body.error.used_by.map((u: any) => u.id)).toEqual([mine])
    expect(JSON.stringify(refused.body)).not.toContain(`Tin matrancontributorother`)
  })
})
