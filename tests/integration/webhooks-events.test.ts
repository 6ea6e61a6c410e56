/**
 * Which article changes fire which webhook event (services/webhooks/article-event.ts),
 * delivered after the save's answer to the scripted receiver, signed, with the public
 * view of the article for published and updated events and ids for the others.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { cronTick, deliveryRows, receivedUntil, received, registerWebhook, settled, signatureValid } from '../helpers/webhooks'

let admin: StaffClient
let editor: StaffClient

beforeAll(async () => {
  ;[admin, editor] = await Promise.all([staffClient('admin'), staffClient('editor')])
})

/**
 * The bin's bodies in the order of the saves. One sender sends a webhook's deliveries
 * in order, but two saves' senders may overtake each other, so receivers order by
 * `article_version` (docs/webhooks.md), and so does this.
 */
const bodies = async (bin: string, n: number) =>
  (await receivedUntil(bin, n)).map((r) => JSON.parse(r.body)).sort((x, y) => x.data.article_version - y.data.article_version)

describe('article events', () => {
  it('publish → update → unpublish → re-publish → archive → publish → trash → restore → trash → purge, each as its event', async () => {
    const hook = await registerWebhook(admin)
    const a = (await editor.post('/articles', { title: 'Đà Nẵng: Đường phố ngập sâu', summary: 'Mưa lớn.', tags: ['Mưa lớn'] })).body.data
    let version = a.version as number
    const step = async (method: 'post' | 'patch' | 'del', path: string, body?: unknown) => {
      const res = await editor[method](path, body, version)
      expect(res.status, JSON.stringify(res.body)).toBe(method === 'del' && path.endsWith('purge') ? 204 : 200)
      version = res.body?.data?.version ?? version
    }
    await step('patch', `/articles/${a.id}`, { summary: 'Nháp: chưa ai thấy.' })
    await step('post', `/articles/${a.id}/publish`)
    await step('patch', `/articles/${a.id}`, { summary: 'Mưa lớn kéo dài suốt đêm.' })
    await step('post', `/articles/${a.id}/unpublish`)
    await step('post', `/articles/${a.id}/publish`)
    await step('post', `/articles/${a.id}/archive`)
    await step('post', `/articles/${a.id}/publish`)
    await step('del', `/articles/${a.id}`)
    await step('post', `/articles/${a.id}/restore`)
    await step('del', `/articles/${a.id}`)
    expect((await admin.post(`/articles/${a.id}/purge`, {})).status).toBe(204)

    const got = await bodies(hook.bin, 9)
    expect(got.map((b) => b.event)).toEqual([
      'article.published', 'article.updated', 'article.unpublished', 'article.published', 'article.unpublished',
      'article.published', 'article.deleted', 'article.published', 'article.deleted',
    ])
    // Published and updated carry the public view as it was when sent; the others name the article.
    expect(got[0].data).toMatchObject({ article_id: a.id, article_slug: a.slug, article: { id: a.id, slug: a.slug, title: 'Đà Nẵng: Đường phố ngập sâu', tags: [{ slug: 'mua-lon', name: 'Mưa lớn' }] } })
    expect(got[0].data.article).toHaveProperty('body_html')
    expect(got[0].data.article).not.toHaveProperty('status')
    expect(got[1].data.article.summary).toBe('Mưa lớn kéo dài suốt đêm.')
    expect(got[2].data).toEqual({ article_id: a.id, article_slug: a.slug, article_version: expect.any(Number) })
    expect(got[6].data).toEqual({ article_id: a.id, article_slug: a.slug, article_version: expect.any(Number) })
    expect(new Set(got.map((b) => b.id)).size).toBe(9)
    expect(got[0].created_at).toMatch(/\+07:00$/)
    // Nothing more arrives for the purge.
    await settled(hook.id)
    expect(await received(hook.bin)).toHaveLength(9)
  })

  it('every delivery is signed with the secret shown at creation and carries its headers', async () => {
    const hook = await registerWebhook(admin)
    const a = (await editor.post('/articles', { title: 'Tin có chữ ký' })).body.data
    await editor.post(`/articles/${a.id}/publish`, {}, a.version)
    const [r] = await receivedUntil(hook.bin, 1)
    expect(await signatureValid(hook.secret, r!)).toBe(true)
    expect(await signatureValid(hook.secret, { ...r!, body: r!.body.replace('Tin có chữ ký', 'Tin giả') })).toBe(false)
    expect(r!.headers).toMatchObject({ 'content-type': 'application/json', 'tin-event': 'article.published', 'tin-attempt': '1' })
    expect(r!.headers['user-agent']).toMatch(/^TinEdgeCMS-Webhooks\/1 /)
    expect(r!.headers['tin-delivery']).toBe(JSON.parse(r!.body).id)
    const [row] = await settled(hook.id)
    expect(row).toMatchObject({ id: r!.headers['tin-delivery'], status: 'succeeded', attempts: 1, last_status: 200, next_attempt_at: null })
  })

  it('only the subscribed events of active webhooks are queued; a draft or review change queues nothing', async () => {
    const deletes = await registerWebhook(admin, 'ok', ['article.deleted'])
    const off = await registerWebhook(admin)
    expect((await admin.patch(`/webhooks/${off.id}`, { active: false }, off.version)).status).toBe(200)
    const a = (await editor.post('/articles', { title: 'Chỉ xoá mới báo' })).body.data
    await editor.post(`/articles/${a.id}/submit`, {})
    await editor.post(`/articles/${a.id}/publish`, {})
    const live = (await editor.get(`/articles/${a.id}`)).body.data
    await editor.del(`/articles/${a.id}`, undefined, live.version)
    const [only] = await receivedUntil(deletes.bin, 1)
    expect(JSON.parse(only!.body)).toMatchObject({ event: 'article.deleted', data: { article_id: a.id } })
    expect(await deliveryRows(off.id)).toEqual([])
  })

  it('a scheduled article going live fires article.published in the same cron run', async () => {
    const hook = await registerWebhook(admin, 'ok', ['article.published'])
    const at = new Date(Date.now() + 5 * 60_000)
    const a = (await editor.post('/articles', { title: 'Tin hẹn giờ lên trang' })).body.data
    expect((await editor.post(`/articles/${a.id}/schedule`, { at: at.toISOString() })).status).toBe(200)
    await cronTick(new Date())
    expect(await deliveryRows(hook.id)).toEqual([])
    await cronTick(new Date(at.getTime() + 60_000))
    // No polling: the run itself sent it.
    const [r] = await received(hook.bin)
    expect(JSON.parse(r!.body)).toMatchObject({ event: 'article.published', data: { article_id: a.id, article: { id: a.id, title: 'Tin hẹn giờ lên trang' } } })
    expect(await signatureValid(hook.secret, r!)).toBe(true)
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'article.published' AND resource_id = ?").bind(String(a.id)).first<{ n: number }>()
    expect(audit!.n).toBe(1)
  })

  it('a payload over 256 KB goes without body_html and says so', async () => {
    const hook = await registerWebhook(admin, 'ok', ['article.published'])
    // ~180,000 characters (the input limit is 200,000), ~280 KB of UTF-8: diacritics take 2-3 bytes.
    const paragraph = `<p>${'Ấp ủ ước mơ, người ở Đà Nẵng vượt lũ. '.repeat(40)}</p>`
    const created = await editor.post('/articles', { title: 'Bài rất dài', body_html: paragraph.repeat(118) })
    expect(created.status, JSON.stringify(created.body).slice(0, 300)).toBe(201)
    const a = created.body.data
    expect((await editor.post(`/articles/${a.id}/publish`, {}, a.version)).status).toBe(200)
    const [r] = await receivedUntil(hook.bin, 1)
    expect(r!.body.length).toBeLessThan(256 * 1024)
    expect(JSON.parse(r!.body).data).toMatchObject({ article_id: a.id, body_omitted: true, article: { id: a.id, title: 'Bài rất dài', body_html: null } })
  })

  it('a photo force-deleted from a published article sends article.updated after the answer', async () => {
    const hook = await registerWebhook(admin, 'ok', ['article.updated'])
    const now = new Date().toISOString()
    const { meta } = await env.DB.prepare("INSERT INTO media (key, filename, content_type, size, width, height, created_at, updated_at) VALUES ('2026/xoa.jpg', 'xoa.jpg', 'image/jpeg', 10, 800, 600, ?, ?)").bind(now, now).run()
    const a = (await editor.post('/articles', { title: 'Ảnh bìa sẽ bị xoá', cover: { media_id: meta.last_row_id } })).body.data
    expect((await editor.post(`/articles/${a.id}/publish`, {}, a.version)).status).toBe(200)
    const res = await admin.del(`/media/${meta.last_row_id}?force=true`, undefined, 1)
    expect(res.status).toBe(204)
    const [r] = await receivedUntil(hook.bin, 1)
    expect(JSON.parse(r!.body)).toMatchObject({ event: 'article.updated', data: { article_id: a.id, article: { id: a.id, cover: null } } })
  })
})
