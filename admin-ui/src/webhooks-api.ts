/**
 * The webhooks admin API (admins only), typed from the worker's routes like api.ts.
 */
import { hc } from 'hono/client'
import type { AppType } from '../../worker/app'
import { ok, send, type Success } from './api'

const webhooks = hc<AppType>(location.origin, { init: { credentials: 'same-origin' }, fetch: send }).api.admin.webhooks
const hook = webhooks[':id']
const at = (id: number, version?: number) => ({ param: { id: String(id) }, header: version === undefined ? {} : { 'if-match': `"${version}"` } })

export type Webhook = Success<Awaited<ReturnType<typeof hook.$get>>>['data']
export type WebhookWithSecret = Success<Awaited<ReturnType<typeof webhooks.$post>>>['data']
export type WebhookInput = Parameters<typeof webhooks.$post>[0]['json']
export type Delivery = Success<Awaited<ReturnType<typeof hook.deliveries.$get>>>['data'][number]
export type WebhookEvent = Webhook['events'][number]
export const WEBHOOK_EVENTS: WebhookEvent[] = ['article.published', 'article.updated', 'article.unpublished', 'article.deleted']

export const webhooksApi = {
  list: () => ok(webhooks.$get({ query: {} })),
  create: (json: WebhookInput) => ok(webhooks.$post({ json })),
  update: (id: number, version: number, json: Partial<WebhookInput>) => ok(hook.$patch({ ...at(id, version), json })),
  remove: (id: number, version: number) => ok(hook.$delete(at(id, version))),
  rotateSecret: (id: number) => ok(hook['rotate-secret'].$post(at(id))),
  test: (id: number) => ok(hook.test.$post({ param: { id: String(id) } })),
  deliveries: (id: number) => ok(hook.deliveries.$get({ param: { id: String(id) }, query: { limit: '20' } })),
}
