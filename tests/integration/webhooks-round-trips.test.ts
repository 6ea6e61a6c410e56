/**
 * The outbox costs an article save no round trip: its INSERT … SELECT rides in the
 * save's own batch (docs/performance.md budgets hold with webhooks registered), and
 * the sender after the answer makes three (claim, article read, outcomes) whatever
 * the number of webhooks. Counted on the real local D1 through platformD1, which
 * also refuses statements production D1 would (over 100 bound parameters).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs, type SignedIn } from '../helpers/auth'
import { countedFetch } from '../helpers/round-trips'
import { staffClient } from '../helpers/admin-api'
import { registerWebhook, settled } from '../helpers/webhooks'

let editor: SignedIn

beforeAll(async () => {
  editor = await loginAs('editor')
})

const call = (method: string, path: string, body: unknown, version: number) =>
  countedFetch(`/api/admin${path}`, { method, headers: { ...editor.headers, 'If-Match': `"${version}"` }, body: JSON.stringify(body) })

/** The sender's calls (after the answer, in waitUntil) are those that claim or record deliveries, or read for payloads. */
const isSender = (sql: string[]) => sql.some((s) => /"claim"|webhook_deliveries" set "status"/.test(s)) || sql.some((s) => s.includes('"a"."id" in'))

describe('round trips of saves with webhooks registered', () => {
  it('publish and edit keep their budgets (4); the outbox insert is inside the save batch', async () => {
    const admin = await staffClient('admin')
    const hooks = [await registerWebhook(admin), await registerWebhook(admin), await registerWebhook(admin, 'ok', ['article.updated'])]
    const created = await countedFetch('/api/admin/articles', { method: 'POST', headers: editor.headers, body: JSON.stringify({ title: 'Đếm lượt gọi D1', tags: ['Đếm'] }) })
    const id = created.body.data.id as number

    const publish = await call('POST', `/articles/${id}/publish`, {}, 1)
    expect(publish.status).toBe(200)
    const save = publish.calls.filter((c) => !isSender(c.sql))
    expect(save.length, JSON.stringify(save.map((c) => c.kind))).toBeLessThanOrEqual(4)
    const batch = save.find((c) => c.kind === 'batch')!
    expect(batch.sql.at(-1)).toMatch(/^insert into "webhook_deliveries" .* select .* from "webhooks" as "w" where "w"."active" = \? and EXISTS \(SELECT 1 FROM json_each/)
    await settled(hooks[0]!.id)

    const edit = await call('PATCH', `/articles/${id}`, { summary: 'Sửa sau khi đăng.' }, 2)
    expect(edit.status).toBe(200)
    expect(edit.calls.filter((c) => !isSender(c.sql)).length).toBeLessThanOrEqual(4)
    const rows = await settled(hooks[2]!.id)
    expect(rows.map((r) => r.event)).toEqual(['article.updated'])
  })

  it('the sender makes 3 round trips for the deliveries of a save, however many webhooks', async () => {
    const { env } = await import('cloudflare:test')
    const { platformD1 } = await import('../helpers/platform-d1')
    const { createDb } = await import('../../worker/db/client')
    const { applyWorkflow } = await import('../../worker/services/editorial/workflow')
    const { deliverDue } = await import('../../worker/services/webhooks/deliver')
    const { senderFor } = await import('../../worker/services/webhooks/sender')
    const created = await countedFetch('/api/admin/articles', { method: 'POST', headers: editor.headers, body: JSON.stringify({ title: 'Ba lượt gọi' }) })
    const id = created.body.data.id as number
    await applyWorkflow(createDb(env.DB), env.DB, id, 'publish', { id: editor.user.id, role: 'editor', ip: null })
    const { d1, calls } = platformD1()
    const report = await deliverDue({ ...senderFor(env), db: createDb(d1), d1 }, { now: new Date(), limit: 50, articleIds: [id] })
    expect(report.sent).toBe(2) // the two webhooks of the test above that take article.published
    expect(calls.map((c) => c.kind)).toEqual(['batch', 'batch', 'batch'])
  })
})
