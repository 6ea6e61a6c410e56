import { viewCounterFor } from '../services/views/counter'
import { KV_OPS_PER_RUN } from '../services/views/kv-budget'
import { rollupShards, type RollupReport } from '../services/views/rollup'

/**
 * Folds view-counter shards from KV into D1 totals and hourly buckets (views
 * feature, docs/views.md). This isolate's own pending views are flushed first, so
 * a cron run also drains the isolate it happens to run in; the rollup gets what the
 * flush left of `kvOps` (the run's KV budget, less what other counters spent).
 */
export async function rollupViews(env: Env, kvOps = KV_OPS_PER_RUN): Promise<RollupReport> {
  const puts = await viewCounterFor(env.VIEWS).flush()
  return rollupShards(env.DB, env.VIEWS, { kvOps: kvOps - puts })
}
