/**
 * Failed deliveries are retried by the cron with backoff (1 min, 5 min, 30 min, 2 h,
 * 12 h), the same bytes each time, until a 2xx or six tries; a receiver's failure
 * never fails the editor's save; redirects are not followed; 410 and refused URLs
 * give up at once; a slow receiver times out.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { cronTick, deliveryRows, received, receivedUntil, registerWebhook, settled, signatureValid } from '../helpers/webhooks'
import { deliverDue } from '../../worker/services/webhooks/deliver'
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '../../worker/services/webhooks/limits'
import { senderFor } from '../../worker/services/webhooks/sender'

let admin: StaffClient
let editor: StaffClient

beforeAll(async () => {
  ;[admin, editor] = await Promise.all([staffClient('admin'), staffClient('editor')])
})

async function publishArticle(title: string) {
  const a = (await editor.post('/articles', { title })).body.data
  const res = await editor.post(`/articles/${a.id}/publish`, {}, a.version)
  expect(res.status).toBe(200)
  return a.id as number
}

const at = (iso: string, plusMs = 0) => new Date(Date.parse(iso) + plusMs)

describe('retries through the scheduled event', () => {
  it('500, 500, then 200: failed twice, retried by the cron after 1 and 5 minutes, then succeeded', async () => {
    const hook = await registerWebhook(admin, 'fail-2')
    await publishArticle('Máy chủ đối tác trục trặc')
    let [row] = await settled(hook.id)
    expect(row).toMatchObject({ status: 'failed', attempts: 1, last_status: 500, last_error: 'HTTP 500', response_excerpt: 'upstream exploded' })
    const firstTry = Date.parse(row!.updated_at)
    expect(Date.parse(row!.next_attempt_at) - firstTry).toBe(RETRY_DELAYS_MS[0])

    await cronTick(new Date()) // not due yet
    expect(await received(hook.bin)).toHaveLength(1)
    await cronTick(at(row!.next_attempt_at, 1_000))
    ;[row] = await deliveryRows(hook.id)
    expect(row).toMatchObject({ status: 'failed', attempts: 2, last_status: 500 })
    expect(Date.parse(row!.next_attempt_at) - Date.parse(row!.updated_at)).toBe(RETRY_DELAYS_MS[1])
    await cronTick(at(row!.next_attempt_at, 1_000))
    ;[row] = await deliveryRows(hook.id)
    expect(row).toMatchObject({ status: 'succeeded', attempts: 3, last_status: 200, next_attempt_at: null, last_error: null })

    const tries = await received(hook.bin)
    expect(tries).toHaveLength(3)
    expect(new Set(tries.map((t) => t.body)).size).toBe(1)
    expect(new Set(tries.map((t) => t.headers['tin-delivery'])).size).toBe(1)
    expect(tries.map((t) => t.headers['tin-attempt'])).toEqual(['1', '2', '3'])
    for (const t of tries) expect(await signatureValid(hook.secret, t)).toBe(true)
  })

  it(`gives up after ${MAX_ATTEMPTS} tries over the whole backoff schedule`, async () => {
    const hook = await registerWebhook(admin, 'fail-99')
    await publishArticle('Đối tác ngừng hoạt động')
    let [row] = await settled(hook.id)
    while (row!.next_attempt_at !== null) {
      await cronTick(at(row!.next_attempt_at, 1_000))
      ;[row] = await deliveryRows(hook.id)
    }
    expect(row).toMatchObject({ status: 'gave_up', attempts: MAX_ATTEMPTS, last_status: 500 })
    expect(await received(hook.bin)).toHaveLength(MAX_ATTEMPTS)
  })

  it('410 Gone gives up at once; a redirect is a failure and is not followed', async () => {
    const gone = await registerWebhook(admin, 'gone')
    const moved = await registerWebhook(admin, 'redirect')
    await publishArticle('Đối tác đã chuyển nhà')
    expect((await settled(gone.id))[0]).toMatchObject({ status: 'gave_up', attempts: 1, last_status: 410, next_attempt_at: null })
    expect((await settled(moved.id))[0]).toMatchObject({ status: 'failed', attempts: 1, last_status: 302, last_error: 'redirect to http://127.0.0.1/admin not followed' })
    expect(await received(moved.bin)).toHaveLength(1)
  })

  it('a slow receiver times out and is retried later', async () => {
    const hook = await registerWebhook(admin, 'slow-1500')
    const sender = { ...senderFor(env), timeoutMs: 200 }
    const res = await editor.post('/articles', { title: 'Đối tác chậm chạp' })
    // Publish straight through the service so the test's own sender, with a short timeout, sends it.
    const { applyWorkflow } = await import('../../worker/services/editorial/workflow')
    await applyWorkflow(sender.db, env.DB, res.body.data.id, 'publish', { id: editor.user.id, role: 'editor', ip: null })
    // The earlier tests' webhooks get this article too (one D1 per file).
    const report = await deliverDue(sender, { now: new Date(), limit: 10, articleIds: [res.body.data.id] })
    expect(report.failed).toBeGreaterThanOrEqual(1)
    expect((await deliveryRows(hook.id))[0]).toMatchObject({ status: 'failed', last_status: null, last_error: 'no answer within 0.2 s', next_attempt_at: expect.any(String) })
  })

  it('the save answers 200 whatever the receiver does, and before it is tried', async () => {
    await registerWebhook(admin, 'slow-3000')
    const a = (await editor.post('/articles', { title: 'Không chờ đối tác' })).body.data
    const started = Date.now()
    expect((await editor.post(`/articles/${a.id}/publish`, {}, a.version)).status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('the test delivery', () => {
  it('POST …/test sends a signed ping now and answers with its record; a failing one is not retried', async () => {
    const ok = await registerWebhook(admin)
    const res = await admin.post(`/webhooks/${ok.id}/test`, {})
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ event: 'ping', status: 'succeeded', attempts: 1, last_status: 200, article_id: null })
    const [ping] = await receivedUntil(ok.bin, 1)
    expect(JSON.parse(ping!.body)).toMatchObject({ event: 'ping', data: { webhook_id: ok.id } })
    expect(await signatureValid(ok.secret, ping!)).toBe(true)

    const bad = await registerWebhook(admin, 'fail-9')
    const failed = await admin.post(`/webhooks/${bad.id}/test`, {})
    expect(failed.body.data).toMatchObject({ status: 'gave_up', last_status: 500, next_attempt_at: null })
  })
})

describe('pruning', () => {
  it('the hourly tick deletes finished deliveries older than 30 days, never ones with tries left', async () => {
    const hook = await registerWebhook(admin)
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString()
    const row = (id: string, status: string, next: string | null) =>
      env.DB.prepare("INSERT INTO webhook_deliveries (id, webhook_id, event, status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, 'ping', ?, 1, ?, ?, ?)").bind(id, hook.id, status, next, old, old)
    const later = new Date(Date.now() + 3_600_000).toISOString()
    await env.DB.batch([row('old-ok', 'succeeded', null), row('old-gave-up', 'gave_up', null), row('old-failed', 'failed', later)])
    const hour = new Date()
    hour.setUTCMinutes(0, 0, 0)
    await cronTick(new Date(hour.getTime() - 60_000)) // minute 59: no pruning
    expect((await deliveryRows(hook.id)).map((r) => r.id).sort()).toEqual(['old-failed', 'old-gave-up', 'old-ok'])
    await cronTick(hour)
    expect((await deliveryRows(hook.id)).map((r) => r.id)).toEqual(['old-failed'])
  })
})
