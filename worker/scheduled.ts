import { scheduledJobs } from './jobs'

/**
 * The cron tick (every minute, wrangler.toml). Each job is independent: one that
 * fails is logged and does not stop the others.
 */
export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const entries = Object.entries(scheduledJobs)
  const results = await Promise.allSettled(entries.map(([, job]) => job(env, controller)))
  results.forEach((r, i) => {
    if (r.status === 'rejected') {
      console.error(JSON.stringify({ level: 'error', msg: 'scheduled job failed', job: entries[i]![0], error: String(r.reason) }))
    }
  })
}
