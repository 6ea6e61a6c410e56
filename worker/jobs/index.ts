/**
 * Jobs the cron tick runs, by name. A feature adds its job here (one line) and keeps
 * the job itself in its own file under worker/jobs/.
 */
export type ScheduledJob = (env: Env, controller: ScheduledController) => Promise<unknown>

export const scheduledJobs: Record<string, ScheduledJob> = {}
