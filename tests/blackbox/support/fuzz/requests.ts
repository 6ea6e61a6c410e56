/**
 * One generated request for an operation: its path parameters from the
 * newsroom's real ids and slugs (or junk), its query parameters and JSON body
 * from the operation's schemas (or anything), signed in one of the ways a client
 * may or may not be. Writes never touch the published articles the health checks
 * read, the admin's account or the suite's tokens, so a run that leaves the site
 * up is told from one that broke it.
 */
import fc from 'fast-check'
import type { Operation, Parameter } from './operations.ts'
import { allowed, hostileJson, hostileString, maybe, usually, type Schema } from './values.ts'

export interface FuzzRequest {
  /** `METHOD /path/{template}`, for the tally. */
  operation: string
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface Pools {
  url: string
  bearer: string
  /** A session of the fuzz's own (it may sign itself out). */
  cookie: string
  articleIds: number[]
  /** Article ids writes may use: not the published ones other clients read. */
  writableArticleIds: number[]
  protectedArticleIds: Set<number>
  categoryIds: number[]
  tagIds: number[]
  authorIds: number[]
  protectedUserIds: Set<number>
  protectedTokenIds: Set<number>
  slugs: string[]
  categorySlugs: string[]
  tagSlugs: string[]
  authorSlugs: string[]
  headlineWords: string[]
}

const junkSegment = fc.constantFrom('0', '-1', '1e3', '%FF', '%E0%A4%A', '%', 'abc', '9'.repeat(30), '1%2F2', '..', '%00', '%C4%90%C3%A0-N%E1%BA%B5ng')
const unless = (skip: Set<number>) => (id: number) => !skip.has(id)
/** An id from `pool` (the newsroom's own) or any id, never one in `skip`. */
function someId(pool: number[], skip = new Set<number>()): fc.Arbitrary<number> {
  const any = fc.integer({ min: 1, max: 5_000 }).filter(unless(skip))
  const usable = pool.filter(unless(skip))
  return usable.length ? fc.oneof({ arbitrary: fc.constantFrom(...usable), weight: 3 }, { arbitrary: any, weight: 1 }) : any
}

function pathValue(op: Operation, p: Parameter, pools: Pools): fc.Arbitrary<string> {
  const write = op.method !== 'GET'
  const sane = ((): fc.Arbitrary<unknown> => {
    if (p.name === 'slug') return fc.oneof(fc.constantFrom(...(op.path.startsWith('/api/v1/categories') ? pools.categorySlugs : pools.slugs)), allowed(p.schema, () => ({})))
    if (p.name === 'key') return fc.oneof(fc.constantFrom('anh/bao-so-3.jpg', 'video/lu-quet.mp4'), fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}(\/[A-Za-z0-9._-]{1,20}){0,3}$/))
    if (p.name === 'rev') return fc.integer({ min: 1, max: 8 })
    if (p.name !== 'id') return allowed(p.schema, () => ({}))
    if (op.path.startsWith('/api/admin/articles')) return write ? someId(pools.writableArticleIds, pools.protectedArticleIds) : someId(pools.articleIds)
    if (op.path.startsWith('/api/admin/users')) return someId([], write ? pools.protectedUserIds : new Set())
    if (op.path.startsWith('/api/admin/tokens')) return someId([], pools.protectedTokenIds)
    if (op.path.startsWith('/api/admin/categories')) return someId(pools.categoryIds)
    if (op.path.startsWith('/api/admin/tags')) return someId(pools.tagIds)
    if (op.path.startsWith('/api/admin/authors')) return someId(pools.authorIds)
    return someId(pools.articleIds)
  })()
  return fc.oneof({ arbitrary: sane.map((v) => encode(String(v)).replace(/%2F/g, '/')), weight: 5 }, { arbitrary: junkSegment, weight: 1 })
}

/** encodeURIComponent, with a lone surrogate (which it refuses) sent as U+FFFD, as a browser would. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/gu, '\ufffd'))

const asText = (v: unknown) => (Array.isArray(v) ? v.join(',') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))

function queryValue(p: Parameter, pools: Pools, resolve: (ref: string) => Schema): fc.Arbitrary<string> {
  const pooled: Record<string, string[]> = { category: pools.categorySlugs, tag: pools.tagSlugs, author: pools.authorSlugs, q: pools.headlineWords }
  const pool = pooled[p.name]
  const value = pool?.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: usually(p.schema, resolve), weight: 1 })
    : usually(p.schema, resolve)
  const encoded = value.map((v) => encode(asText(v)).slice(0, 2_000))
  return fc.oneof({ arbitrary: encoded, weight: 9 }, { arbitrary: fc.constantFrom('%E0%A4%A', '%', '%%', '%zz', ''), weight: 1 })
}

function query(op: Operation, pools: Pools, resolve: (ref: string) => Schema): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query')
  const pairs = params.map((p) => maybe(queryValue(p, pools, resolve).map((v) => `${p.name}=${v}`), p.required ? 0.95 : 0.35))
  const unknown = maybe(fc.constantFrom('trang=2', 'utm_source=zalo', 'limit=5&limit=7', 'fields=', 'sort=views', '__proto__[x]=1'), 0.1)
  return fc.tuple(fc.tuple(...pairs), unknown).map(([chosen, extra]) => {
    const parts = [...chosen, extra].filter((x): x is string => x !== null)
    return parts.length ? `?${parts.join('&')}` : ''
  })
}

type Headers = Record<string, string>

function auth(pools: Pools): fc.Arbitrary<Headers> {
  const garbage: Headers[] = [{ authorization: 'Bearer tin_pat_gia_mao' }, { authorization: 'Basic YTpi' }, { cookie: 'tin_session=%E0%A4%A' }, { authorization: 'Bearer' }]
  const signedIn: fc.Arbitrary<Headers> = fc.constant({ authorization: pools.bearer })
  const anonymous: fc.Arbitrary<Headers> = fc.constant({})
  const browser: fc.Arbitrary<Headers> = fc.constantFrom(pools.url, 'https://evil.example').map((origin) => ({ cookie: pools.cookie, origin }))
  return fc.oneof({ arbitrary: signedIn, weight: 11 }, { arbitrary: anonymous, weight: 3 }, { arbitrary: browser, weight: 3 }, { arbitrary: fc.constantFrom(...garbage), weight: 3 })
}

const extras = fc.record(
  {
    'if-none-match': fc.constantFrom('*', '"abc"', 'W/"1"', 'garbage'),
    range: fc.constantFrom('bytes=0-10', 'bytes=zz-', 'bytes=-5', 'bytes=999999999-'),
    'user-agent': fc.constantFrom('Googlebot/2.1 (+http://www.google.com/bot.html)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)', ''),
    'accept-language': fc.constantFrom('vi-VN,vi;q=0.9', '*', ';;;'),
  },
  { requiredKeys: [] },
)

/**
 * A generated body with its references made real (category_id, parent_id,
 * author_ids from the newsroom; no cover, as there is no media), so writes get past
 * the reference checks to the database more often than random ids would.
 */
function withRealIds(body: unknown, pools: Pools): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const pick = (pool: number[], v: unknown) => (typeof v === 'number' && pool.length ? pool[Math.abs(v) % pool.length] : v)
  const out: Record<string, unknown> = { ...body }
  if ('category_id' in out) out.category_id = pick(pools.categoryIds, out.category_id)
  if ('parent_id' in out) out.parent_id = pick(pools.categoryIds, out.parent_id)
  if (Array.isArray(out.author_ids)) out.author_ids = out.author_ids.map((v) => pick(pools.authorIds, v))
  if ('cover' in out) out.cover = null
  return out
}

function body(op: Operation, pools: Pools, resolve: (ref: string) => Schema): fc.Arbitrary<{ body?: string; type?: string }> {
  const json = op.body
    ? fc.oneof(
        { arbitrary: allowed(op.body, resolve).map((b) => withRealIds(b, pools)), weight: 6 },
        { arbitrary: fc.tuple(allowed(op.body, resolve), fc.string({ maxLength: 12 }), hostileJson).map(([b, k, v]) => ({ ...(b as object), [k]: v })), weight: 2 },
        { arbitrary: hostileJson, weight: 1 },
      ).map((v) => JSON.stringify(v))
    : fc.constantFrom('', '{}')
  const raw = fc.oneof(json, fc.constantFrom('{"title":', 'null', '[]', '\u0000', '{"title":"Đà Nẵng"}'.repeat(3)), hostileString)
  const type = fc.constantFrom('application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined)
  if (op.method === 'GET' || op.method === 'DELETE') return fc.constant({})
  return fc.record({ body: fc.oneof({ arbitrary: json, weight: 8 }, { arbitrary: raw, weight: 1 }), type })
}

export function requestFor(op: Operation, pools: Pools, resolve: (ref: string) => Schema): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path')
  const path = fc.tuple(...pathParams.map((p) => pathValue(op, p, pools))).map((values) =>
    values.reduce((path, value, i) => path.replace(`{${pathParams[i]!.name}}`, value), op.path),
  )
  const ifMatch = op.parameters.some((p) => p.in === 'header' && p.name === 'if-match')
    ? maybe(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 4 }).map((n) => `"${n}"`), weight: 4 }, { arbitrary: fc.constantFrom('*', 'abc', '"0"', 'W/"2"'), weight: 1 }), 0.8)
    : fc.constant(null)
  return fc.record({ path, query: query(op, pools, resolve), auth: auth(pools), extra: maybe(extras, 0.3), ifMatch, body: body(op, pools, resolve) }).map((r) => ({
    operation: `${op.method} ${op.path}`,
    method: op.method,
    path: r.path + r.query,
    headers: {
      ...r.auth,
      ...(r.extra ?? {}),
      ...(r.ifMatch ? { 'if-match': r.ifMatch } : {}),
      ...(r.body.type ? { 'content-type': r.body.type } : {}),
    },
    ...(r.body.body !== undefined ? { body: r.body.body } : {}),
  }))
}
