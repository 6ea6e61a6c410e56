import { deliverDue, type DeliveryReport } from '../services/webhooks/deliver'
import { WEBHOOK_LIMITS } from '../services/webhooks/limits'
import { pruneDeliveries } from '../services/webhooks/prune'
import { senderFor } from '../services/webhooks/sender'

/**
 * Sends due webhook deliveries: retries whose backoff has passed, and first tries a
 * save's waitUntil did not get to (docs/webhooks.md). At most
 * `WEBHOOK_LIMITS.perCronRun` a run, oldest first; a backlog drains over later runs.
 * Once an hour (the tick at minute 0) it also prunes old finished records.
 */
export async function deliverWebhooks(env: Env, controller: ScheduledController): Promise<DeliveryReport & { pruned: number }> {
  const now = new Date(Math.max(controller.scheduledTime, Date.now()))
  const sender = senderFor(env)
  const report = await deliverDue(sender, { now, limit: WEBHOOK_LIMITS.perCronRun })
  const pruned = new Date(controller.scheduledTime).getUTCMinutes() === 0 ? await pruneDeliveries(sender.db, now) : 0
  return { ...report, pruned }
}
