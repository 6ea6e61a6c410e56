/**
 * A partner's day over HTTP, against the running worker and the newsroom corpus:
 * an admin mints a summary-only key for one category; the partner reads the feed,
 * the list and an article with it (only that category, never a body), is refused
 * another category's article, registers a webhook and is told, signed, when the
 * desk publishes a story of its category, which it then reads with its key; it is
 * refused on the admin API, and refused once the key is revoked. Its webhook
 * endpoint is a real node:http server on 127.0.0.1 (WEBHOOK_ALLOW_PRIVATE=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyTinSignature } from '../../docs/examples/verify-webhook.mjs'
import { send, seen } from './support/http.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'
import { startReceiver } from './support/webhook-receiver.ts'

describe('a partner’s day with an API key, feeds and a webhook, over HTTP', () => {
  const room = useNewsroom({ WEBHOOK_ALLOW_PRIVATE: '1' })
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    receiver = await startReceiver()
  })
  afterAll(() => receiver?.close())
  let key = ''
  let keyId = 0
  let category = 0
  const partner = (path: string) => send(room().url, 'GET', path, { headers: { 'x-api-key': key } })

  it('gets a summary-only key for the category with the most published stories', async () => {
    const counts = new Map<number, number>()
    for (const a of room().published) if (a.category_id !== null) counts.set(a.category_id, (counts.get(a.category_id) ?? 0) + 1)
    category = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    const reply = await room().api.post('/api-keys', { name: 'Cổng tin đối tác', body: 'summary', category_ids: [category], tier: 'high' })
    expect(reply.status, seen(reply)).toBe(201)
    key = reply.json.data.key
    keyId = reply.json.data.id
    expect(key).toMatch(/^tin_key_/)
  })

  it('reads the feed and the list: only its category (and subcategories), never a body', async () => {
    const tree = (await send(room().url, 'GET', '/api/v1/categories')).json.data as { id: number; parent_id: number | null }[]
    const allowed = new Set([category, ...tree.filter((c) => c.parent_id === category).map((c) => c.id)])
    const feed = await partner('/feeds/feed.json')
    expect(feed.status, seen(feed)).toBe(200)
    expect(feed.json.items.length).toBeGreaterThan(0)
    expect(feed.json.items.every((i: Record<string, unknown>) => i.content_html === undefined)).toBe(true)
    const list = await partner('/api/v1/articles?limit=100')
    expect(list.status, seen(list)).toBe(200)
    expect(list.headers['cache-control']).toMatch(/^private/)
    for (const a of list.json.data) {
      expect(allowed.has(a.category?.id), `${a.id} in category ${a.category?.id}`).toBe(true)
      expect(a).not.toHaveProperty('body_html')
    }
  })

  it('reads an article of its category, and gets 404 for another category’s', async () => {
    const mine = room().published.find((a) => a.category_id === category)!
    const other = room().published.find((a) => a.category_id !== null && a.category_id !== category)!
    const read = await partner(`/api/v1/articles/${mine.id}`)
    expect(read.status, seen(read)).toBe(200)
    expect(read.json.data.summary).toBeTypeOf('string')
    expect(read.json.data).not.toHaveProperty('body_html')
    expect((await partner(`/api/v1/articles/${other.id}`)).status).toBe(404)
    // The same article, anonymously, still has its body.
    expect((await send(room().url, 'GET', `/api/v1/articles/${mine.id}`)).json.data.body_html).toBeTypeOf('string')
  })

  it('is told by a signed webhook when the desk publishes in its category, and reads that story with its key', async () => {
    const hook = await room().api.post('/webhooks', { url: receiver.url('partner-day', 'ok'), events: ['article.published'], description: 'Cổng tin đối tác' })
    expect(hook.status, seen(hook)).toBe(201)
    const title = 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục, hàng nghìn hộ dân bị cô lập'
    const draft = await room().api.post('/articles', { title, summary: 'Mưa lớn kéo dài khiến nhiều tuyến phố ngập sâu.', body_html: '<p>Sáng 18/4, nhiều tuyến đường ngập sâu 0,5 m.</p>', category_id: category })
    expect(draft.status, seen(draft)).toBe(201)
    const published = await room().api.post(`/articles/${draft.json.data.id}/publish`, {}, { 'if-match': `"${draft.json.data.version}"` })
    expect(published.status, seen(published)).toBe(200)

    const [arrival] = await receiver.until('partner-day', 1)
    expect(verifyTinSignature(hook.json.data.secret, arrival!.raw, arrival!.headers['tin-signature'] as string)).toBe(true)
    const event = JSON.parse(arrival!.raw.toString('utf8'))
    expect(arrival!.headers['tin-event']).toBe('article.published')
    expect(event.data.article.id).toBe(draft.json.data.id)

    const read = await partner(`/api/v1/articles/${draft.json.data.id}`)
    expect(read.status, seen(read)).toBe(200)
    expect(read.json.data.title).toBe(title)
    expect(read.json.data).not.toHaveProperty('body_html')
    const feed = await partner(`/feeds/feed.json`)
    expect(feed.json.items.map((i: { title: string }) => i.title)).toContain(title)
  })

  it('is refused on the admin API, and everywhere once revoked', async () => {
    const admin = await partner('/api/admin/me')
    expect(admin.status).toBe(401)
    expect((await room().api.del(`/api-keys/${keyId}`)).status).toBe(204)
    const after = await partner('/feeds/feed.json')
    expect(after.status).toBe(401)
    expect(after.json.error.code).toBe('unauthorized')
  })

  itLoggedNoUnhandledError(room)
})
