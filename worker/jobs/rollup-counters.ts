import { USAGE_SINK } from '../services/api-keys/usage-rollup'
import { usageCounterFor } from '../services/api-keys/usage'
import { KV_OPS_PER_RUN } from '../services/views/kv-budget'
import { rollupShards } from '../services/views/rollup'
import { rollupViews } from './rollup-views'

/** KV operations the key-usage rollup may spend per cron run (~90 shards); the views get the rest. */
export const USAGE_KV_OPS = 100

/**
 * The counters' rollups, one after the other because they share the invocation's
 * 1,000 KV operations (docs/limits.md): API key usage first, within USAGE_KV_OPS
 * (usually a handful: a list, a bulk get, a few deletes), then the views with what
 * is left of KV_OPS_PER_RUN, so the views keep ~890 a run when partners are quiet
 * and never fewer than 800.
 */
export async function rollupCounters(env: Env) {
  const puts = await usageCounterFor(env.VIEWS).flush()
  const usage = await rollupShards(env.DB, env.VIEWS, { sink: USAGE_SINK, kvOps: USAGE_KV_OPS - puts })
  const views = await rollupViews(env, KV_OPS_PER_RUN - puts - usage.kvOps)
  return { usage, views }
}
