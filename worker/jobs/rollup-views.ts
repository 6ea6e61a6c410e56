import { viewCounterFor } from '../services/views/counter'
import { KV_OPS_PER_RUN } from '../services/views/kv-budget'
import { rollupShards, type RollupReport } from '../services/views/rollup'

/**
 * Folds view-counter shards from KV into D1 totals and hourly buckets (views
 * feature, docs/views.md). This isolate's own pending views are flushed first, so
 * a cron run also drains the isolate it happens to run in; the rollup gets what the
 * flush left of the run's KV budget.
 */
export async function rollupViews(env: Env): Promise<RollupReport> {
  const puts = await viewCounterFor(env.VIEWS).flush()
  return rollupShards(env.DB, env.VIEWS, { kvOps: KV_OPS_PER_RUN - puts })
}
