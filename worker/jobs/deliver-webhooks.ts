import { deliverDue, type DeliveryReport } from '../services/webhooks/deliver'
import { WEBHOOK_LIMITS } from '../services/webhooks/limits'
import { senderFor } from '../services/webhooks/sender'

/**
 * Sends due webhook deliveries: retries whose backoff has passed, and first tries a
 * save's waitUntil did not get to (docs/webhooks.md). At most
 * `WEBHOOK_LIMITS.perCronRun` a run, oldest first; a backlog drains over later runs.
 */
export async function deliverWebhooks(env: Env, controller: ScheduledController): Promise<DeliveryReport> {
  const now = new Date(Math.max(controller.scheduledTime, Date.now()))
  return deliverDue(senderFor(env), { now, limit: WEBHOOK_LIMITS.perCronRun })
}
