/**
 * The admin API of webhooks: admins only; the secret shown once (at creation and
 * rotation) and sealed at rest when WEBHOOK_SECRET_KEY is set; If-Match on edits;
 * the SSRF guard at create and update; recent deliveries; delete cascades.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { openSecret } from '../../worker/services/webhooks/secret-box'
import { WEBHOOK_LIMITS } from '../../worker/services/webhooks/limits'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { BASE } from '../helpers/auth'
import { deliveryRows, receivedUntil, registerWebhook, signatureValid } from '../helpers/webhooks'

let admin: StaffClient
let editor: StaffClient

beforeAll(async () => {
  ;[admin, editor] = await Promise.all([staffClient('admin'), staffClient('editor')])
})

const storedSecret = async (id: number) => (await env.DB.prepare('SELECT secret FROM webhooks WHERE id = ?').bind(id).first<{ secret: string }>())!.secret

describe('webhooks admin API', () => {
  it('admins only: editors get 403 on every route', async () => {
    const hook = await registerWebhook(admin)
    for (const [method, path] of [['get', '/webhooks'], ['post', '/webhooks'], ['get', `/webhooks/${hook.id}`], ['get', `/webhooks/${hook.id}/deliveries`], ['post', `/webhooks/${hook.id}/test`]] as const) {
      expect((await editor[method](path, method === 'post' ? { url: 'https://x.example/', events: ['article.published'] } : undefined)).status, path).toBe(403)
    }
  })

  it('shows the secret once; lists and reads show only its hint', async () => {
    const hook = await registerWebhook(admin)
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    const one = await admin.get(`/webhooks/${hook.id}`)
    expect(one.res.headers.get('ETag')).toBe('"1"')
    expect(one.body.data).toMatchObject({ id: hook.id, events: ['article.published', 'article.updated', 'article.unpublished', 'article.deleted'], active: true, secret_hint: hook.secret.slice(0, 10), secret_encrypted: false })
    const list = await admin.get('/webhooks')
    expect(JSON.stringify(list.body)).not.toContain(hook.secret)
    expect(JSON.stringify(one.body)).not.toContain(hook.secret)
    // Without WEBHOOK_SECRET_KEY it is stored plain (docs/webhooks.md says who can read it).
    expect(await storedSecret(hook.id)).toBe(`plain:${hook.secret}`)
  })

  it('seals the secret with AES-GCM when WEBHOOK_SECRET_KEY is set, and still signs with it', async () => {
    const key = 'một-khoá-bí-mật-đủ-dài-0123456789'
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request(`${BASE}/api/admin/webhooks`, { method: 'POST', headers: admin.headers, body: JSON.stringify({ url: 'https://hooks.receiver.test/sealed/ok', events: ['article.published'] }) }),
      { ...env, WEBHOOK_SECRET_KEY: key },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const { data } = (await res.json()) as { data: { id: number; secret: string; secret_encrypted: boolean } }
    expect(data.secret_encrypted).toBe(true)
    const stored = await storedSecret(data.id)
    expect(stored).toMatch(/^aesgcm:/)
    expect(stored).not.toContain(data.secret.slice(6))
    expect(await openSecret(stored, key)).toBe(data.secret)
    await expect(openSecret(stored, 'another key')).rejects.toThrow(/does not open/)
    await expect(openSecret(stored, undefined)).rejects.toThrow(/WEBHOOK_SECRET_KEY is not set/)
    // Without the key the worker cannot sign: the test delivery gives up and says why.
    const ping = await admin.post(`/webhooks/${data.id}/test`, {})
    expect(ping.body.data).toMatchObject({ status: 'gave_up', last_error: 'the webhook secret is sealed and WEBHOOK_SECRET_KEY is not set' })
  })

  it('edits need If-Match (428, 412) and bump the version', async () => {
    const hook = await registerWebhook(admin)
    expect((await admin.patch(`/webhooks/${hook.id}`, { active: false })).status).toBe(428)
    expect((await admin.patch(`/webhooks/${hook.id}`, { active: false }, 9)).status).toBe(412)
    const ok = await admin.patch(`/webhooks/${hook.id}`, { events: ['article.deleted'], description: 'Chỉ báo xoá', active: false }, 1)
    expect(ok.status).toBe(200)
    expect(ok.body.data).toMatchObject({ version: 2, events: ['article.deleted'], description: 'Chỉ báo xoá', active: false })
    expect((await admin.patch(`/webhooks/${hook.id}`, { events: [] }, 2)).status).toBe(400)
    expect((await admin.patch(`/webhooks/${hook.id}`, { events: ['article.viewed'] }, 2)).status).toBe(400)
    expect((await admin.patch(`/webhooks/${hook.id}`, { events: ['article.deleted', 'article.deleted'] }, 2)).status).toBe(400)
  })

  it('refuses private, loopback and metadata URLs at create and at update (WEBHOOK_ALLOW_PRIVATE is off)', async () => {
    for (const url of ['http://127.0.0.1:9000/hook', 'http://0x7f000001/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest', 'http://localhost/', 'ftp://partner.example/', 'https://u:p@partner.example/']) {
      const res = await admin.post('/webhooks', { url, events: ['article.published'] })
      expect(res.status, url).toBe(400)
      expect(res.body.error.details[0].path).toBe('json.url')
    }
    const hook = await registerWebhook(admin)
    const res = await admin.patch(`/webhooks/${hook.id}`, { url: 'http://10.0.0.7/' }, 1)
    expect(res.status).toBe(400)
    expect(res.body.error.details).toEqual([{ path: 'json.url', message: 'the address is private' }])
  })

  it('checks the URL again at delivery: one stored while private addresses were allowed is refused and given up', async () => {
    const now = new Date().toISOString()
    const { meta } = await env.DB.prepare("INSERT INTO webhooks (url, events, secret, secret_hint, created_at, updated_at) VALUES ('http://0x7f000001:8787/hook', '[\"article.published\"]', 'plain:whsec_x', 'whsec_x', ?, ?)").bind(now, now).run()
    const ping = await admin.post(`/webhooks/${meta.last_row_id}/test`, {})
    expect(ping.body.data).toMatchObject({ status: 'gave_up', last_status: null, last_error: 'refused: the address is loopback', next_attempt_at: null })
  })

  it('rotating the secret shows a new one once; deliveries are signed with it', async () => {
    const hook = await registerWebhook(admin)
    const rotated = await admin.post(`/webhooks/${hook.id}/rotate-secret`, {})
    expect(rotated.status).toBe(200)
    const secret = rotated.body.data.secret as string
    expect(secret).not.toBe(hook.secret)
    expect(rotated.body.data.version).toBe(2)
    await admin.post(`/webhooks/${hook.id}/test`, {})
    const [ping] = await receivedUntil(hook.bin, 1)
    expect(await signatureValid(secret, ping!)).toBe(true)
    expect(await signatureValid(hook.secret, ping!)).toBe(false)
  })

  it('lists recent deliveries newest first, filters by status; DELETE takes them along', async () => {
    const hook = await registerWebhook(admin)
    await admin.post(`/webhooks/${hook.id}/test`, {})
    await admin.post(`/webhooks/${hook.id}/test`, {})
    const list = await admin.get(`/webhooks/${hook.id}/deliveries?limit=1`)
    expect(list.body.data).toHaveLength(1)
    expect(list.body.data[0]).toMatchObject({ event: 'ping', status: 'succeeded', attempts: 1, last_status: 200, next_attempt_at: null })
    expect(list.body.data[0]).not.toHaveProperty('payload')
    expect((await admin.get(`/webhooks/${hook.id}/deliveries?status=failed`)).body.data).toEqual([])
    expect((await admin.get('/webhooks/999999/deliveries')).status).toBe(404)
    expect((await admin.del(`/webhooks/${hook.id}`)).status).toBe(428)
    expect((await admin.del(`/webhooks/${hook.id}`, undefined, 1)).status).toBe(204)
    expect(await deliveryRows(hook.id)).toEqual([])
    expect((await admin.get(`/webhooks/${hook.id}`)).status).toBe(404)
  })

  it(`allows at most ${WEBHOOK_LIMITS.maxWebhooks} webhooks`, async () => {
    const { n } = (await env.DB.prepare('SELECT count(*) AS n FROM webhooks').first<{ n: number }>())!
    for (let i = n; i < WEBHOOK_LIMITS.maxWebhooks; i++) await registerWebhook(admin)
    const res = await admin.post('/webhooks', { url: 'https://one-too-many.example/', events: ['article.published'] })
    expect(res.status).toBe(409)
  })
})
