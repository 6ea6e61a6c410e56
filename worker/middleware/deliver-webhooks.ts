import type { MiddlewareHandler } from 'hono'
import { deliverDue } from '../services/webhooks/deliver'
import { WEBHOOK_LIMITS } from '../services/webhooks/limits'
import { takeQueued } from '../services/webhooks/outbox'
import { senderFor } from '../services/webhooks/sender'
import type { AppEnv } from './database'

/**
 * After an admin request whose article saves queued webhook deliveries (the outbox
 * rows of services/webhooks/outbox.ts), sends them once the answer is out
 * (`waitUntil`): the editor never waits for a partner, and a partner's failure never
 * fails the save. What this misses (the isolate ends, a receiver fails) the cron
 * sends. A request that queued nothing costs nothing here.
 *
 * @example
 * adminApi.use('*', deliverWebhooksAfterSave())
 */
export function deliverWebhooksAfterSave(): MiddlewareHandler<AppEnv> {
  return async function deliverWebhooksAfterSave(c, next) {
    await next()
    const articleIds = takeQueued(c.var.d1)
    if (articleIds.length === 0) return
    const sending = deliverDue(senderFor(c.env), { now: new Date(), limit: WEBHOOK_LIMITS.maxWebhooks * articleIds.length, articleIds }).catch((err) => {
      console.error(JSON.stringify({ level: 'error', msg: 'webhook delivery after save failed', error: String(err) }))
    })
    try {
      c.executionCtx.waitUntil(sending)
    } catch {
      // No execution context (app.request in a unit test): the send runs unawaited; the cron covers it.
    }
  }
}
