/**
 * Role x route x method matrix of the admin content API: every route this
 * feature owns, called by each role and anonymously, against an article that is
 * in a state where the action makes sense, owned by the caller ("own") or by
 * someone else ("other"). Each cell asserts the exact status.
 */
import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleStatus, Role } from '../../schema/database'
import { BASE, ORIGIN, tokenFor } from '../helpers/auth'
import { adminCall, staffClient, type StaffClient } from '../helpers/admin-api'

type Who = Role | 'anonymous'
const WHO: Who[] = ['admin', 'editor', 'author', 'contributor', 'anonymous']

const clients = {} as Record<Role, StaffClient>
let otherUserId: number

beforeAll(async () => {
  for (const role of ['admin', 'editor', 'author', 'contributor'] as Role[]) clients[role] = await staffClient(role)
  otherUserId = (await staffClient('author')).user.id
})

/** An article made through the API (so it has its first revision), then put in the wanted state. */
async function article(owner: number, status: ArticleStatus = 'draft', trashed = false) {
  const { body } = await clients.admin.post('/articles', { title: `Ma trận ${crypto.randomUUID()}` })
  const now = new Date().toISOString()
  await env.DB.prepare('UPDATE articles SET created_by = ?, status = ?, published_at = ?, scheduled_at = ?, deleted_at = ? WHERE id = ?')
    .bind(owner, status, status === 'published' ? now : null, status === 'scheduled' ? new Date(Date.now() + 3600_000).toISOString() : null, trashed ? now : null, body.data.id)
    .run()
  return body.data.id as number
}

const unique = () => crypto.randomUUID().slice(0, 8)
const future = () => new Date(Date.now() + 3600_000).toISOString()

interface Cell {
  method: string
  path: string
  body?: unknown
  ifMatch?: number
}
type Setup = (owner: number) => Promise<Cell>
type Expect = Record<Who, number>

const all = (ok: number): Expect => ({ admin: ok, editor: ok, author: ok, contributor: ok, anonymous: 401 })
const desk = (ok: number): Expect => ({ admin: ok, editor: ok, author: 403, contributor: 403, anonymous: 401 })
/** Read rules (read-rules.ts): another's article is missing for authors and contributors (admin-read-matrix.test.ts has bylines). */
const readAll = (ok: number): Expect => ({ ...desk(ok), author: 404, contributor: 404 })

/** Article routes, with the expectation when the caller owns the article and when someone else does. */
const ARTICLE_ROUTES: [string, Setup, Expect, Expect][] = [
  ['GET /articles', async () => ({ method: 'GET', path: '/articles' }), all(200), all(200)],
  ['POST /articles', async () => ({ method: 'POST', path: '/articles', body: { title: `Mới ${unique()}` } }), all(201), all(201)],
  ['GET /articles/{id}', async (o) => ({ method: 'GET', path: `/articles/${await article(o)}` }), all(200), readAll(200)],
  ['PATCH /articles/{id}', async (o) => ({ method: 'PATCH', path: `/articles/${await article(o)}`, body: { summary: 'sửa' }, ifMatch: 1 }), all(200), desk(200)],
  ['DELETE /articles/{id}', async (o) => ({ method: 'DELETE', path: `/articles/${await article(o)}`, ifMatch: 1 }), all(200), desk(200)],
  ['POST /articles/{id}/submit', async (o) => ({ method: 'POST', path: `/articles/${await article(o)}/submit`, body: {} }), { ...desk(200), author: 200 }, desk(200)],
  ['POST /articles/{id}/publish', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'review')}/publish`, body: {} }), desk(200), desk(200)],
  ['POST /articles/{id}/schedule', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'review')}/schedule`, body: { at: future() } }), desk(200), desk(200)],
  ['POST /articles/{id}/unpublish', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'published')}/unpublish`, body: {} }), desk(200), desk(200)],
  ['POST /articles/{id}/archive', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'published')}/archive`, body: {} }), desk(200), desk(200)],
  ['POST /articles/{id}/restore', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'draft', true)}/restore`, body: {} }), all(200), desk(200)],
  ['POST /articles/{id}/purge', async (o) => ({ method: 'POST', path: `/articles/${await article(o, 'draft', true)}/purge`, body: {} }), { ...desk(204), editor: 403 }, { ...desk(204), editor: 403 }],
  ['GET /articles/{id}/revisions', async (o) => ({ method: 'GET', path: `/articles/${await article(o)}/revisions` }), all(200), readAll(200)],
  ['GET /articles/{id}/revisions/{rev}', async (o) => ({ method: 'GET', path: `/articles/${await article(o)}/revisions/1` }), all(200), readAll(200)],
  ['POST /articles/{id}/revisions/{rev}/restore', async (o) => ({ method: 'POST', path: `/articles/${await article(o)}/revisions/1/restore`, body: {} }), all(200), desk(200)],
  ['POST /articles/{id}/preview-link', async (o) => ({ method: 'POST', path: `/articles/${await article(o)}/preview-link`, body: {} }), all(201), readAll(201)],
]

async function taxonomy(kind: 'categories' | 'tags' | 'authors') {
  const { body } = await clients.admin.post(`/${kind}`, { name: `Mục ${unique()}` })
  return body.data.id as number
}

const TAXONOMY_ROUTES: [string, Setup, Expect][] = (['categories', 'tags', 'authors'] as const).flatMap((kind): [string, Setup, Expect][] => [
  [`GET /${kind}`, async () => ({ method: 'GET', path: `/${kind}` }), all(200)],
  [`POST /${kind}`, async () => ({ method: 'POST', path: `/${kind}`, body: { name: `Tên ${unique()}` } }), desk(201)],
  [`GET /${kind}/{id}`, async () => ({ method: 'GET', path: `/${kind}/${await taxonomy(kind)}` }), all(200)],
  [`PATCH /${kind}/{id}`, async () => ({ method: 'PATCH', path: `/${kind}/${await taxonomy(kind)}`, body: { name: `Đổi ${unique()}` }, ifMatch: 1 }), desk(200)],
  [`DELETE /${kind}/{id}`, async () => ({ method: 'DELETE', path: `/${kind}/${await taxonomy(kind)}`, ifMatch: 1 }), desk(204)],
])

async function run(who: Who, cell: Cell) {
  const headers = who === 'anonymous' ? { 'Content-Type': 'application/json', Origin: ORIGIN } : clients[who].headers
  return adminCall(cell.method, cell.path, { headers, body: cell.body, ifMatch: cell.ifMatch })
}

const ownerOf = (who: Who, own: boolean) => (own && who !== 'anonymous' ? clients[who].user.id : otherUserId)

describe('article routes x role (caller owns the article)', () => {
  const cells = ARTICLE_ROUTES.flatMap(([name, setup, own]) => WHO.map((who) => [name, who, own[who], setup] as const))
  it.each(cells)('%s as %s -> %i', async (_name, who, status, setup) => {
    const res = await run(who, await setup(ownerOf(who, true)))
    expect(res.status, JSON.stringify(res.body)).toBe(status)
  })
})

describe('article routes x role (someone else’s article)', () => {
  const cells = ARTICLE_ROUTES.flatMap(([name, setup, , other]) => WHO.map((who) => [name, who, other[who], setup] as const))
  it.each(cells)('%s as %s -> %i', async (_name, who, status, setup) => {
    const res = await run(who, await setup(ownerOf(who, false)))
    expect(res.status, JSON.stringify(res.body)).toBe(status)
  })
})

describe('taxonomy routes x role', () => {
  const cells = TAXONOMY_ROUTES.flatMap(([name, setup, expected]) => WHO.map((who) => [name, who, expected[who], setup] as const))
  it.each(cells)('%s as %s -> %i', async (_name, who, status, setup) => {
    const res = await run(who, await setup(0))
    expect(res.status, JSON.stringify(res.body)).toBe(status)
  })
})

describe('how staff reach the content API', () => {
  it('accepts a bearer token without Origin (scripts)', async () => {
    const { headers } = await tokenFor('editor')
    const res = await adminCall('POST', '/articles', { headers, body: { title: 'Từ kịch bản' } })
    expect(res.status).toBe(201)
  })

  it('refuses a cookie write without a matching Origin (CSRF) and writes nothing', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM articles').first<{ n: number }>()
    const { Cookie } = clients.editor.headers as { Cookie: string }
    for (const origin of [undefined, 'https://evil.example']) {
      const res = await SELF.fetch(`${BASE}/api/admin/articles`, {
        method: 'POST',
        headers: { Cookie, 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) },
        body: JSON.stringify({ title: 'Giả mạo' }),
      })
      expect(res.status).toBe(403)
    }
    const after = await env.DB.prepare('SELECT count(*) AS n FROM articles').first<{ n: number }>()
    expect(after!.n).toBe(before!.n)
  })

  it('never lets admin answers be cached', async () => {
    const res = await clients.author.get('/articles')
    expect(res.res.headers.get('Cache-Control')).toBe('no-store')
  })
})
