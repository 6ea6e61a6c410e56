import type { DeliveryStatus } from '../../../schema/tables/webhooks'
import type { Db } from '../../db/client'
import { nowIso } from '../../lib/time'
import type { DeliverySummary } from '../../serializers/webhook-admin'
import { deliverDue, type Sender } from './deliver'
import { getWebhook } from './webhooks'

const SUMMARY = ['id', 'event', 'article_id', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'response_excerpt', 'created_at', 'updated_at'] as const

/** A webhook's most recent deliveries, newest first (a 404 for an unknown webhook). */
export async function recentDeliveries(db: Db, webhookId: number, limit: number, status?: DeliveryStatus): Promise<DeliverySummary[]> {
  await getWebhook(db, webhookId)
  return db
    .selectFrom('webhook_deliveries')
    .select(SUMMARY)
    .where('webhook_id', '=', webhookId)
    .$if(status !== undefined, (q) => q.where('status', '=', status!))
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/** Queues a `ping` delivery to one webhook and sends it now; returns its record after the try. */
export async function pingWebhook(s: Sender, webhookId: number): Promise<DeliverySummary> {
  await getWebhook(s.db, webhookId)
  const id = crypto.randomUUID().replace(/-/g, '')
  const now = nowIso()
  await s.db.insertInto('webhook_deliveries').values({ id, webhook_id: webhookId, event: 'ping', article_id: null, article_slug: null, article_version: null, payload: null, next_attempt_at: now, claim: null, lease_until: null, last_status: null, last_error: null, response_excerpt: null, created_at: now, updated_at: now }).execute()
  await deliverDue(s, { now: new Date(), limit: 1, ids: [id] })
  return s.db.selectFrom('webhook_deliveries').select(SUMMARY).where('id', '=', id).executeTakeFirstOrThrow()
}
