import type { Webhook, WebhookDelivery, WebhookEvent } from '../../schema/tables/webhooks'
import { toZonedIso } from '../lib/time'

const zoned = (iso: string | null, timeZone: string) => (iso === null ? null : toZonedIso(iso, timeZone))

/** A webhook as admins see it: never its secret, only the hint and how it is stored. */
export const serializeWebhook = (w: Webhook, timeZone: string) => ({
  id: w.id,
  url: w.url,
  description: w.description,
  events: JSON.parse(w.events) as WebhookEvent[],
  active: w.active === 1,
  secret_hint: w.secret_hint,
  secret_encrypted: w.secret.startsWith('aesgcm:'),
  version: w.version,
  created_at: toZonedIso(w.created_at, timeZone),
  updated_at: toZonedIso(w.updated_at, timeZone),
})

export type DeliverySummary = Omit<WebhookDelivery, 'payload' | 'claim' | 'lease_until' | 'webhook_id' | 'article_slug' | 'article_version'>

/** One delivery in the recent list: what happened, never the payload. */
export const serializeDelivery = (d: DeliverySummary, timeZone: string) => ({
  id: d.id,
  event: d.event,
  article_id: d.article_id,
  status: d.status,
  attempts: d.attempts,
  last_status: d.last_status,
  last_error: d.last_error,
  response_excerpt: d.response_excerpt,
  next_attempt_at: zoned(d.next_attempt_at, timeZone),
  created_at: toZonedIso(d.created_at, timeZone),
  updated_at: toZonedIso(d.updated_at, timeZone),
})
