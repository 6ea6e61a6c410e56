import { deliverWebhooks } from './deliver-webhooks'
import { fillMissingTitlePairs } from './fill-title-pairs'
import { publishScheduled } from './publish-scheduled'
import { rollupCounters } from './rollup-counters'

/**
 * Jobs the cron tick runs, by name. Each job lives in its own file here.
 */
export type ScheduledJob = (env: Env, controller: ScheduledController) => Promise<unknown>

export const scheduledJobs: Record<string, ScheduledJob> = {
  'publish-scheduled': publishScheduled,
  'rollup-counters': rollupCounters,
  'fill-title-pairs': fillMissingTitlePairs,
  'deliver-webhooks': deliverWebhooks,
}
