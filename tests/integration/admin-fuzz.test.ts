/**
 * Property: malformed input to any write route of the admin content API is a 4xx
 * that changes nothing, never a 5xx. Bodies are non-JSON text, JSON that is not an
 * object, objects with a non-editable key (id, version, status, timestamps,
 * created_by, __proto__…), and objects of known keys with values of any JSON
 * type; If-Match values are arbitrary strings.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { adminCall, contentFingerprint, staffClient, type StaffClient } from '../helpers/admin-api'

let admin: StaffClient
let articleId: number
const taxonomyIds: Record<string, number> = {}

beforeAll(async () => {
  admin = await staffClient('admin')
  articleId = (await admin.post('/articles', { title: 'Bài làm mồi', tags: ['Mồi'] })).body.data.id
  for (const kind of ['categories', 'tags', 'authors']) taxonomyIds[kind] = (await admin.post(`/${kind}`, { name: `Mồi ${kind}` })).body.data.id
})

const ARTICLE_KEYS = ['title', 'summary', 'body_html', 'category_id', 'tags', 'author_ids', 'source', 'cover', 'seo', 'canonical_url', 'slug', 'featured', 'featured_position', 'language']
const FORBIDDEN_KEYS = ['id', 'version', 'status', 'created_at', 'updated_at', 'published_at', 'created_by', 'deleted_at', 'title_sort', 'body_text', 'word_count', '__proto__', 'constructor']

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(-1, 0, 1.5, 1e300, '', ' ', 'javascript:alert(1)', '<script>x</script>', [], {}, null, { media_id: -3 }, ['', ' ']),
)
const notJson = fc.string({ maxLength: 40 }).filter((s) => {
  try {
    JSON.parse(s)
    return false
  } catch {
    return true
  }
})
const notObject = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))

/** Bodies that must be refused whatever the route: bad JSON, non-objects, or a key nobody may set. */
const malformed = (keys: string[]) =>
  fc.oneof(
    notJson,
    notObject.map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.dictionary(fc.constantFrom(...(keys.length ? keys : ['x'])), value, { maxKeys: 4 }), fc.constantFrom(...FORBIDDEN_KEYS), value)
      .map(([o, k, v]) => JSON.stringify({ ...o, [k]: v })),
  )
/** Known keys with values of any type: usually refused, sometimes valid (then it may write). */
const shaped = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), value, { minKeys: 1, maxKeys: 5 }).map((o) => JSON.stringify(o))

async function currentVersion(path: string) {
  const res = await admin.get(path)
  return res.status === 200 ? (res.body.data.version as number) : 1
}

interface Route {
  name: string
  method: string
  path: () => string
  keys: string[]
  /** Path to read the version for If-Match from. */
  versionOf?: () => string
}

const articlePath = () => `/articles/${articleId}`
const ROUTES: Route[] = [
  { name: 'POST /articles', method: 'POST', path: () => '/articles', keys: ARTICLE_KEYS },
  { name: 'PATCH /articles/{id}', method: 'PATCH', path: articlePath, keys: ARTICLE_KEYS, versionOf: articlePath },
  ...['submit', 'unpublish', 'archive', 'restore', 'purge'].map((a) => ({ name: `POST /articles/{id}/${a}`, method: 'POST', path: () => `${articlePath()}/${a}`, keys: [] })),
  { name: 'POST /articles/{id}/publish', method: 'POST', path: () => `${articlePath()}/publish`, keys: ['published_at'] },
  { name: 'POST /articles/{id}/schedule', method: 'POST', path: () => `${articlePath()}/schedule`, keys: ['at'] },
  { name: 'POST /articles/{id}/revisions/1/restore', method: 'POST', path: () => `${articlePath()}/revisions/1/restore`, keys: [] },
  { name: 'POST /articles/{id}/preview-link', method: 'POST', path: () => `${articlePath()}/preview-link`, keys: ['expires_in'] },
  ...(['categories', 'tags', 'authors'] as const).flatMap((kind): Route[] => {
    const keys = { categories: ['name', 'slug', 'description', 'parent_id', 'position'], tags: ['name', 'slug'], authors: ['name', 'slug', 'bio', 'avatar_url', 'user_id'] }[kind]
    const one = () => `/${kind}/${taxonomyIds[kind]}`
    return [
      { name: `POST /${kind}`, method: 'POST', path: () => `/${kind}`, keys },
      { name: `PATCH /${kind}/{id}`, method: 'PATCH', path: one, keys, versionOf: one },
    ]
  }),
]

async function send(route: Route, body: string, ifMatch?: string) {
  const headers: Record<string, string> = { ...admin.headers }
  if (ifMatch !== undefined) headers['If-Match'] = ifMatch
  else if (route.versionOf) headers['If-Match'] = `"${await currentVersion(route.versionOf())}"`
  return adminCall(route.method, route.path(), { headers, body })
}

describe('malformed bodies at every write route', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('%s: refused with 4xx, nothing written', async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(malformed(route.keys), async (body) => {
        const before = await contentFingerprint()
        const res = await send(route, body)
        expect(res.status, `${res.status} ${JSON.stringify(res.body)} for ${body}`).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(res.body.error.code).toBeTypeOf('string')
        expect(await contentFingerprint()).toEqual(before)
      }),
      { numRuns: 25 },
    )
  })

  it.each(ROUTES.filter((r) => r.keys.length).map((r) => [r.name, r] as const))('%s: any-typed known fields never 5xx; a refusal writes nothing', async (_name, route) => {
    await fc.assert(
      fc.asyncProperty(shaped(route.keys), async (body) => {
        const before = await contentFingerprint()
        const res = await send(route, body)
        expect(res.status, `${res.status} ${JSON.stringify(res.body)} for ${body}`).toBeLessThan(500)
        if (res.status >= 400) expect(await contentFingerprint()).toEqual(before)
      }),
      { numRuns: 30 },
    )
  })
})

describe('malformed If-Match headers', () => {
  const headerValue = fc.string({ maxLength: 30 }).filter((s) => /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(s) && !/^(W\/)?"?[0-9]+"?$/.test(s))
  const targets = [
    ['PATCH /articles/{id}', 'PATCH', articlePath, JSON.stringify({ summary: 'x' })],
    ['DELETE /articles/{id}', 'DELETE', articlePath, undefined],
    ['PATCH /tags/{id}', 'PATCH', () => `/tags/${taxonomyIds.tags}`, JSON.stringify({ name: 'y' })],
    ['DELETE /categories/{id}', 'DELETE', () => `/categories/${taxonomyIds.categories}`, undefined],
  ] as const
  it.each(targets)('%s: 400, nothing written', async (_name, method, path, body) => {
    await fc.assert(
      fc.asyncProperty(headerValue, async (ifMatch) => {
        const before = await contentFingerprint()
        const res = await adminCall(method, path(), { headers: admin.headers, body, ifMatch })
        expect(res.status, `${res.status} ${JSON.stringify(res.body)} for If-Match ${ifMatch}`).toBe(400)
        expect(res.body.error.details[0].path).toBe('header.if-match')
        expect(await contentFingerprint()).toEqual(before)
      }),
      { numRuns: 20 },
    )
  })
})
