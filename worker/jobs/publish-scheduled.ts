import { createDb } from '../db/client'
import { publishDueArticles } from '../services/editorial/publish-due'

/** Publishes scheduled articles whose time has come (the cron tick after it), with the run's own database client. */
export async function publishScheduled(env: Env, controller: ScheduledController): Promise<number[]> {
  const now = new Date(Math.max(controller.scheduledTime, Date.now()))
  return publishDueArticles(createDb(env.DB), env.DB, now)
}
