/**
 * A partner's side of webhooks, against `wrangler dev` with the newsroom: a real
 * HTTP receiver on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE=1) verifies every delivery with
 * the snippet of docs/webhooks.md (docs/examples/verify-webhook.mjs), sees an
 * article's publish → update → unpublish → delete, gets a delivery retried by the
 * cron after two 500s, and hears of a scheduled article going live. The cron is
 * triggered through wrangler's `/cdn-cgi/handler/scheduled?time=` (the run's
 * scheduled time may be in the future, so backoff needs no waiting).
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyTinSignature } from '../../docs/examples/verify-webhook.mjs'
import { send, seen } from './support/http.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'
import { startReceiver, type Arrival } from './support/webhook-receiver.ts'

const room = useNewsroom({ WEBHOOK_ALLOW_PRIVATE: '1' })
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  receiver = await startReceiver()
})
afterAll(() => receiver?.close())

const EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted']

async function register(bin: string, script = 'ok', events = EVENTS) {
  const res = await room().api.post('/webhooks', { url: receiver.url(bin, script), events })
  expect(res.status, seen(res)).toBe(201)
  return res.json.data as { id: number; secret: string }
}

/** One cron run at `time` (ms), waited for (wrangler's trigger answers when the run and its waitUntil end). */
async function cron(time: number) {
  const res = await send(room().url, 'GET', `/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}&time=${time}`)
  expect(res.status, seen(res)).toBe(200)
}

const verified = (secret: string, a: Arrival) => verifyTinSignature(secret, a.raw, a.headers['tin-signature'] as string)
const json = (a: Arrival) => JSON.parse(a.raw.toString('utf8'))

async function newArticle(title: string) {
  const res = await room().api.post('/articles', { title, summary: 'Tin thử nghiệm webhook.' })
  expect(res.status, seen(res)).toBe(201)
  return res.json.data as { id: number; version: number; slug: string }
}

describe('webhooks to a partner on 127.0.0.1', () => {
  it('the docs show the snippet this suite runs', async () => {
    const [doc, snippet] = await Promise.all([readFile('docs/webhooks.md', 'utf8'), readFile('docs/examples/verify-webhook.mjs', 'utf8')])
    const fn = snippet.slice(snippet.indexOf('export function'))
    expect(doc).toContain(fn.trim())
  })

  it('publish → update → unpublish → publish → delete arrive signed, verified by the documented snippet', async () => {
    const hook = await register('life')
    const a = await newArticle('Hội An: Phố cổ đón khách trở lại')
    const steps: [string, string, unknown][] = [
      ['post', `/articles/${a.id}/publish`, {}],
      ['patch', `/articles/${a.id}`, { summary: 'Phố cổ đông vui trở lại.' }],
      ['post', `/articles/${a.id}/unpublish`, {}],
      // Trashing a draft tells partners nothing (they never saw it): publish again first.
      ['post', `/articles/${a.id}/publish`, {}],
      ['del', `/articles/${a.id}`, undefined],
    ]
    let version = a.version
    for (const [method, path, body] of steps) {
      const api = room().api as unknown as Record<string, (p: string, b?: unknown, h?: Record<string, string>) => ReturnType<typeof send>>
      const res = await api[method]!(path, body, { 'if-match': `"${version}"` })
      expect(res.status, seen(res)).toBe(200)
      version = res.json.data.version
    }
    const arrivals = (await receiver.until('life', 5, 20_000, async () => JSON.stringify((await room().api.get(`/webhooks/${hook.id}/deliveries`)).json.data))).map((x) => ({ x, body: json(x) })).sort((p, q) => p.body.data.article_version - q.body.data.article_version)
    expect(arrivals.map((p) => p.body.event)).toEqual(['article.published', 'article.updated', 'article.unpublished', 'article.published', 'article.deleted'])
    for (const { x, body } of arrivals) {
      expect(verified(hook.secret, x)).toBe(true)
      expect(x.headers['tin-delivery']).toBe(body.id)
      expect(x.headers['tin-event']).toBe(body.event)
      expect(x.headers['content-type']).toBe('application/json')
    }
    expect(arrivals[0]!.body.data.article).toMatchObject({ id: a.id, title: 'Hội An: Phố cổ đón khách trở lại' })
    expect(arrivals[1]!.body.data.article.summary).toBe('Phố cổ đông vui trở lại.')
    expect(arrivals[4]!.body.data).toEqual({ article_id: a.id, article_slug: a.slug, article_version: version })
    // A tampered body, another secret, or an old timestamp are refused by the same snippet.
    const first = arrivals[0]!.x
    expect(verifyTinSignature(hook.secret, Buffer.from(first.raw.toString().replace('Hội An', 'Huế')), first.headers['tin-signature'] as string)).toBe(false)
    expect(verifyTinSignature('whsec_other', first.raw, first.headers['tin-signature'] as string)).toBe(false)
    expect(verifyTinSignature(hook.secret, first.raw, first.headers['tin-signature'] as string, { now: Date.now() / 1000 + 301 })).toBe(false)
  })

  it('500 twice, then 200: retried by the cron with backoff until it succeeds', async () => {
    const hook = await register('flaky', 'fail-2', ['article.published'])
    const a = await newArticle('Đối tác chập chờn')
    const published = await room().api.post(`/articles/${a.id}/publish`, {})
    expect(published.status, seen(published)).toBe(200)
    await receiver.until('flaky', 1)
    const deliveries = async () => (await room().api.get(`/webhooks/${hook.id}/deliveries`)).json.data
    let [d] = await deliveries()
    for (let i = 0; i < 100 && d.status === 'pending'; i++) [d] = (await new Promise((r) => setTimeout(r, 100)), await deliveries())
    expect(d).toMatchObject({ status: 'failed', attempts: 1, last_status: 500, response_excerpt: 'partner down' })
    await cron(Date.parse(d.next_attempt_at) + 1_000)
    ;[d] = await deliveries()
    expect(d).toMatchObject({ status: 'failed', attempts: 2, last_status: 500 })
    await cron(Date.parse(d.next_attempt_at) + 1_000)
    ;[d] = await deliveries()
    expect(d).toMatchObject({ status: 'succeeded', attempts: 3, last_status: 200, next_attempt_at: null })
    const tries = receiver.got('flaky')
    expect(tries).toHaveLength(3)
    expect(new Set(tries.map((t) => t.raw.toString())).size).toBe(1)
    for (const t of tries) expect(verified(hook.secret, t)).toBe(true)
  })

  it('a scheduled article fires article.published when the cron makes it live', async () => {
    const hook = await register('scheduled', 'ok', ['article.published'])
    const a = await newArticle('Tin hẹn giờ cho đối tác')
    const at = Date.now() + 60_000
    const scheduled = await room().api.post(`/articles/${a.id}/schedule`, { at: new Date(at).toISOString() })
    expect(scheduled.status, seen(scheduled)).toBe(200)
    await cron(at + 60_000)
    const [arrival] = receiver.got('scheduled')
    expect(arrival, 'delivered within the cron run that published it').toBeDefined()
    expect(json(arrival!)).toMatchObject({ event: 'article.published', data: { article_id: a.id, article: { id: a.id, title: 'Tin hẹn giờ cho đối tác' } } })
    expect(verified(hook.secret, arrival!)).toBe(true)
  })

  it('the test delivery reaches the receiver and reports its answer', async () => {
    const hook = await register('ping')
    const res = await room().api.post(`/webhooks/${hook.id}/test`, {})
    expect(res.status, seen(res)).toBe(200)
    expect(res.json.data).toMatchObject({ event: 'ping', status: 'succeeded', last_status: 200 })
    const [ping] = receiver.got('ping')
    expect(verified(hook.secret, ping!)).toBe(true)
  })
})

itLoggedNoUnhandledError(room)
