import type { D1Handle, Db } from '../../db/client'
import { runBatch } from '../../db/batch'
import type { SiteSettings } from '../../lib/settings'
import type { PublicReads } from '../articles/read-batch'
import { mapLimit } from '../../lib/map-limit'
import { claimDeliveries, type ClaimedDelivery, type ClaimedHook, type ClaimScope } from './claim'
import { nextAttemptAt, WEBHOOK_LIMITS } from './limits'
import { deliveryBodies } from './payload'
import { openSecret } from './secret-box'
import { sendDelivery, type SendOutcome } from './send'

/** What a sender needs: the database, the view counter's KV (payloads show views), settings and the two webhook env vars. */
export interface Sender {
  db: Db
  d1: D1Handle
  kv: KVNamespace
  settings: SiteSettings
  secretKey: string | undefined
  allowPrivate: boolean
  timeoutMs?: number
}

export interface DeliveryReport {
  sent: number
  succeeded: number
  failed: number
  gaveUp: number
}

async function attempt(s: Sender, d: ClaimedDelivery, hook: ClaimedHook | undefined, body: string): Promise<SendOutcome> {
  if (!hook || hook.active !== 1) return { ok: false, status: null, error: 'the webhook is disabled', excerpt: null, permanent: true }
  let secret: string
  try {
    secret = await openSecret(hook.secret, s.secretKey)
  } catch (err) {
    return { ok: false, status: null, error: (err as Error).message, excerpt: null, permanent: true }
  }
  const userAgent = `TinEdgeCMS-Webhooks/1 (+${s.settings.url})`
  return sendDelivery(hook.url, secret, d, body, { allowPrivate: s.allowPrivate, userAgent, timeoutMs: s.timeoutMs })
}

/**
 * Sends due deliveries (at most `scope.limit`, `WEBHOOK_LIMITS.concurrency` at a
 * time) and records each outcome: three D1 round trips whatever the count (claim,
 * article reads for new payloads, outcomes). A failure is retried later with backoff
 * (limits.ts) until no try is left; a refused URL, a disabled webhook or 410 gives up
 * at once. Never throws for a receiver's failure.
 */
export async function deliverDue(s: Sender, scope: ClaimScope): Promise<DeliveryReport> {
  const { claim, deliveries, hooks } = await claimDeliveries(s.db, s.d1, scope, WEBHOOK_LIMITS.leaseMs)
  const report: DeliveryReport = { sent: deliveries.length, succeeded: 0, failed: 0, gaveUp: 0 }
  if (deliveries.length === 0) return report
  const reads: PublicReads = { db: s.db, d1: s.d1, kv: s.kv }
  const bodies = await deliveryBodies(reads, s.settings, deliveries)
  // One webhook's deliveries go one after another, oldest first; webhooks in parallel.
  const byHook = new Map<number, ClaimedDelivery[]>()
  for (const d of deliveries) byHook.set(d.webhook_id, [...(byHook.get(d.webhook_id) ?? []), d])
  const outcomes = new Map<string, SendOutcome>()
  await mapLimit([...byHook.values()], WEBHOOK_LIMITS.concurrency, async (group) => {
    for (const d of group) outcomes.set(d.id, await attempt(s, d, hooks.get(d.webhook_id), bodies.get(d.id)!))
  })
  const done = new Date()
  const updates = deliveries.map((d) => {
    const o = outcomes.get(d.id)!
    // A ping is one try: it answers an admin's question now, it is not news to retry.
    const next = o.ok || o.permanent || d.event === 'ping' ? null : nextAttemptAt(d.attempts, done)
    const status = o.ok ? 'succeeded' : next ? 'failed' : 'gave_up'
    report[o.ok ? 'succeeded' : next ? 'failed' : 'gaveUp']++
    return s.db
      .updateTable('webhook_deliveries')
      .set({
        status,
        next_attempt_at: next,
        claim: null,
        lease_until: null,
        last_status: o.status,
        last_error: o.error,
        response_excerpt: o.excerpt,
        updated_at: done.toISOString(),
        ...(d.payload === null ? { payload: bodies.get(d.id)! } : {}),
      })
      .where('id', '=', d.id)
      .where('claim', '=', claim)
  })
  await runBatch(s.d1, updates)
  return report
}
