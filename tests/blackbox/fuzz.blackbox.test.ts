/**
 * Thousands of generated requests over every operation of /api/openapi.json and
 * the paths outside it: parameters, headers and bodies from the schemas or from
 * nowhere, signed in or not. Not one may get a 5xx or no answer, the worker may
 * log no unhandled error, and the site is up for everyone after. The figures are
 * printed; BLACKBOX_FUZZ_SEED and BLACKBOX_FUZZ_RUNS replay or widen a run.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mapLimit } from '../../worker/lib/map-limit.ts'
import { operationsFrom, resolverFor } from './support/fuzz/operations.ts'
import { requestFor, type Pools } from './support/fuzz/requests.ts'
import { count, figures, newTally } from './support/fuzz/tally.ts'
import { expectOthersServed } from './support/health.ts'
import { seen, send } from './support/http.ts'
import type { Newsroom } from './support/newsroom.ts'
import { logExcerpt, settledLog } from './support/server-log.ts'
import { ADMIN, signIn } from './support/staff.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const SEED = Number(process.env.BLACKBOX_FUZZ_SEED ?? 20_170_418)
const RUNS = Number(process.env.BLACKBOX_FUZZ_RUNS ?? 2_400)

async function data(room: Newsroom, path: string) {
  const reply = await room.api.get(path)
  if (reply.status !== 200) throw new Error(`collecting ids for the fuzz: ${seen(reply)}`)
  return reply.json.data
}

/** The newsroom's real ids and slugs, and what writes must leave alone. */
async function poolsOf(room: Newsroom): Promise<Pools> {
  const [me, tokens, tags] = await Promise.all([data(room, '/me'), data(room, '/tokens?limit=100'), data(room, '/tags?limit=100')])
  const articles = room.report.articles
  const readable = new Set(room.readable.map((a) => a.id))
  return {
    url: room.url,
    bearer: room.credentials.bearer,
    cookie: await signIn(room.url, ADMIN.email, ADMIN.password),
    articleIds: [...readable, ...articles.map((a) => a.id)],
    writableArticleIds: articles.filter((a) => !readable.has(a.id)).map((a) => a.id),
    protectedArticleIds: readable,
    categoryIds: room.report.categories.map((c) => c.id),
    tagIds: tags.map((t: { id: number }) => t.id),
    authorIds: room.report.authors.map((a) => a.id),
    protectedUserIds: new Set([me.id]),
    protectedTokenIds: new Set(tokens.map((t: { id: number }) => t.id)),
    slugs: [...room.readable.map((a) => a.slug), ...articles.map((a) => a.slug)],
    categorySlugs: [...room.report.categories.map((c) => c.slug), 'thoi-su', 'khong-co'],
    tagSlugs: [...tags.map((t: { slug: string }) => t.slug), 'da-nang', 'khong-co'],
    authorSlugs: [...room.report.authors.map((a) => a.slug), 'khong-co'],
    headlineWords: room.readable.slice(0, 40).map((a) => a.title.split(/\s+/).slice(0, 3).join(' ')),
  }
}

describe('generated requests over every route', () => {
  const room = useNewsroom()

  it(`${RUNS} requests get no 5xx and no dropped answer`, async () => {
    const openapi = await send(room().url, 'GET', '/api/openapi.json')
    expect(openapi.status, seen(openapi)).toBe(200)
    const operations = operationsFrom(openapi.json)
    const pools = await poolsOf(room())
    const resolve = resolverFor(openapi.json)
    const requests = fc.sample(fc.oneof(...operations.map((op) => requestFor(op, pools, resolve))), { seed: SEED, numRuns: RUNS })

    const tally = newTally()
    await mapLimit(requests, 4, async (req) => count(tally, req, await send(room().url, req.method, req.path, { headers: req.headers, body: req.body })))
    console.log(figures(tally, SEED))
    const log = await settledLog(room().log)
    expect(tally.failures.length, `${tally.failures.length} requests got a 5xx or no answer; the first:\n${tally.failures.slice(0, 6).join('\n')}\n${logExcerpt(log)}`).toBe(0)
    expect(tally.sent).toBeGreaterThanOrEqual(2_000)
  })

  it('leaves the site up for readers and editors', () => expectOthersServed(room(), 'the generated requests'))

  itLoggedNoUnhandledError(room)
})
