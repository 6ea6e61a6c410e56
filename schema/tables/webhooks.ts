import type { Generated, Selectable } from 'kysely'

/** The events a webhook may subscribe to (docs/webhooks.md); `ping` is sent on request only. */
export const WEBHOOK_EVENTS = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]
export type DeliveryEvent = WebhookEvent | 'ping'
export type DeliveryStatus = 'pending' | 'failed' | 'succeeded' | 'gave_up'

/** A registered endpoint (0010_webhooks.sql). */
export interface WebhooksTable {
  id: Generated<number>
  url: string
  description: Generated<string>
  /** JSON array of WebhookEvent. */
  events: string
  active: Generated<0 | 1>
  /** `aesgcm:<iv>:<ciphertext>` or `plain:<secret>` (services/webhooks/secret-box.ts). */
  secret: string
  secret_hint: string
  version: Generated<number>
  created_by: number | null
  created_at: string
  updated_at: string
}

/** One event for one webhook: the outbox row and its delivery record. */
export interface WebhookDeliveriesTable {
  id: string
  webhook_id: number
  event: DeliveryEvent
  article_id: number | null
  article_slug: string | null
  article_version: number | null
  payload: string | null
  status: Generated<DeliveryStatus>
  attempts: Generated<number>
  next_attempt_at: string | null
  claim: string | null
  lease_until: string | null
  last_status: number | null
  last_error: string | null
  response_excerpt: string | null
  created_at: string
  updated_at: string
}

export interface WebhookTables {
  webhooks: WebhooksTable
  webhook_deliveries: WebhookDeliveriesTable
}

export type Webhook = Selectable<WebhooksTable>
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>
