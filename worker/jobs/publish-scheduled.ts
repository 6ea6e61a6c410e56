import { createDb } from '../db/client'
import { publishDueArticles } from '../services/editorial/publish-due'
import { deliverDue } from '../services/webhooks/deliver'
import { WEBHOOK_LIMITS } from '../services/webhooks/limits'
import { takeQueued } from '../services/webhooks/outbox'
import { senderFor } from '../services/webhooks/sender'

/**
 * Publishes scheduled articles whose time has come (the cron tick after it), with
 * the run's own database client, then sends the article.published deliveries those
 * saves queued, so partners hear of them in the same run rather than the next one.
 */
export async function publishScheduled(env: Env, controller: ScheduledController): Promise<number[]> {
  const now = new Date(Math.max(controller.scheduledTime, Date.now()))
  const published = await publishDueArticles(createDb(env.DB), env.DB, now)
  const queued = takeQueued(env.DB)
  if (queued.length > 0) await deliverDue(senderFor(env), { now: new Date(), limit: WEBHOOK_LIMITS.perCronRun, articleIds: queued })
  return published
}
