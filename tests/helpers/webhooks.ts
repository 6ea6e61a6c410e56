/**
 * Webhooks in integration tests: register one through the admin API, read what the
 * scripted receiver got (tests/helpers/outbound-receiver.ts), wait for a save's
 * after-response delivery, tick the cron, check a signature as a receiver would.
 *
 * @example
 * const hook = await registerWebhook(admin, 'publish-flow')
 * await editor.post(`/articles/${id}/publish`, {})
 * const [delivery] = await receivedUntil(hook.bin, 1)
 */
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { expect } from 'vitest'
import worker from '../../worker/index'
import { hmacSha256Hex } from '../../worker/lib/webhook-signature'
import type { StaffClient } from './admin-api'
import type { Received } from './outbound-receiver'

export const ALL_EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted']

let bins = 0

/** A webhook to a fresh receiver bin answering by `script` (ok, fail-2, gone, redirect, slow-ms). */
export async function registerWebhook(admin: StaffClient, script = 'ok', events = ALL_EVENTS) {
  const bin = `bin-${++bins}-${crypto.randomUUID().slice(0, 8)}`
  const res = await admin.post('/webhooks', { url: `https://hooks.receiver.test/${bin}/${script}`, events, description: `test ${bin}` })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { id: res.body.data.id as number, secret: res.body.data.secret as string, version: res.body.data.version as number, bin }
}

export async function received(bin: string): Promise<Received[]> {
  return (await fetch(`https://control.receiver.test/${bin}`)).json()
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** The bin's requests once it holds at least `count`. */
export const receivedUntil = (bin: string, count: number) =>
  waitFor(`${count} deliveries in ${bin}`, async () => {
    const got = await received(bin)
    return got.length >= count ? got : undefined
  })

/** A webhook's delivery rows, oldest first. */
export async function deliveryRows(webhookId: number) {
  const { results } = await env.DB.prepare('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at, id').bind(webhookId).all<Record<string, any>>()
  return results
}

/** Waits until no delivery of the webhook is claimed (its try is recorded). */
export const settled = (webhookId: number) =>
  waitFor('the deliveries to be recorded', async () => {
    const rows = await deliveryRows(webhookId)
    return rows.every((r) => r.claim === null && r.attempts > 0) ? rows : undefined
  })

/** Runs the worker's cron handler as Cloudflare would at `time`, and waits for it. */
export async function cronTick(time: Date) {
  const ctx = createExecutionContext()
  worker.scheduled(createScheduledController({ scheduledTime: time, cron: '* * * * *' }), env, ctx)
  await waitOnExecutionContext(ctx)
}

/** What a receiver checks (docs/webhooks.md): the HMAC of `<t>.<body>` under the secret. */
export async function signatureValid(secret: string, r: Received): Promise<boolean> {
  const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.headers['tin-signature'] ?? '')
  return m !== null && (await hmacSha256Hex(secret, `${m[1]}.${r.body}`)) === m[2]
}
