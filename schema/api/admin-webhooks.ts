/**
 * Admin requests and responses for webhooks (docs/webhooks.md). Whether a URL may be
 * reached (the SSRF guard) depends on a setting, so the route checks it after these.
 */
import * as v from 'valibot'
import { WEBHOOK_EVENTS } from '../tables/webhooks'
import { LimitQuery, dataOf, listOf } from './common'
import { Text, patchOf } from './admin-common'

const Time = v.pipe(v.string(), v.description('ISO 8601 in the site time zone'))
const Url = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(2000, 'must be at most 2000 characters'))
const Events = v.pipe(
  v.array(v.picklist(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(', ')}`)),
  v.minLength(1, 'must name at least one event'),
  v.check((list) => new Set(list).size === list.length, 'must not repeat an event'),
)

const fields = { url: Url, events: Events, description: Text(500), active: v.boolean() }

export const WebhookCreate = v.strictObject({
  url: fields.url,
  events: fields.events,
  description: v.optional(fields.description, ''),
  active: v.optional(fields.active, true),
})
export type WebhookCreate = v.InferOutput<typeof WebhookCreate>
export const WebhookPatch = patchOf(fields)
export type WebhookPatch = v.InferOutput<typeof WebhookPatch>

export const AdminWebhook = v.pipe(
  v.object({
    id: v.number(),
    url: v.string(),
    description: v.string(),
    events: v.array(v.picklist(WEBHOOK_EVENTS)),
    active: v.boolean(),
    secret_hint: v.pipe(v.string(), v.description('The first characters of the signing secret, to tell secrets apart')),
    secret_encrypted: v.pipe(v.boolean(), v.description('Stored sealed with WEBHOOK_SECRET_KEY (false: stored plain)')),
    version: v.number(),
    created_at: Time,
    updated_at: Time,
  }),
  v.metadata({ ref: 'AdminWebhook' }),
)
export const WebhookResponse = dataOf(AdminWebhook)
export const WebhookList = listOf(AdminWebhook)
export const WebhookWithSecret = dataOf(
  v.object({ ...AdminWebhook.entries, secret: v.pipe(v.string(), v.description('The signing secret: shown this once')) }),
)

const DeliveryStatus = v.picklist(['pending', 'failed', 'succeeded', 'gave_up'])
export const WebhookDeliveryView = v.pipe(
  v.object({
    id: v.string(),
    event: v.string(),
    article_id: v.nullable(v.number()),
    status: DeliveryStatus,
    attempts: v.number(),
    last_status: v.nullable(v.number()),
    last_error: v.nullable(v.string()),
    response_excerpt: v.nullable(v.string()),
    next_attempt_at: v.nullable(Time),
    created_at: Time,
    updated_at: Time,
  }),
  v.metadata({ ref: 'WebhookDelivery' }),
)
export const DeliveryList = listOf(WebhookDeliveryView)
export const DeliveryResponse = dataOf(WebhookDeliveryView)
export const DeliveryListQuery = v.strictObject({ limit: LimitQuery, status: v.optional(DeliveryStatus) })
