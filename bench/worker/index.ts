/**
 * The worker as the bench builds it: the production worker, with the D1 binding
 * delayed by BENCH_D1_DELAY_MS (a var only this module reads) on every round trip.
 * `npm run bench` builds this module (`wrangler deploy --dry-run bench/worker/index.ts`);
 * `wrangler deploy` builds worker/index.ts, which never imports it.
 */
import worker from '../../worker/index'
import { delayedD1 } from './delayed-d1'

type BenchEnv = Env & { BENCH_D1_DELAY_MS?: string }

/** One wrapped env per env object, so per-env caches of the worker keep working. */
const wrapped = new WeakMap<object, Env>()

function withDelay(env: BenchEnv): Env {
  const ms = Number(env.BENCH_D1_DELAY_MS ?? 0)
  if (!(ms > 0)) return env
  let out = wrapped.get(env)
  if (!out) wrapped.set(env, (out = { ...env, DB: delayedD1(env.DB, ms) }))
  return out
}

export default {
  fetch: (request, env, ctx) => worker.fetch(request, withDelay(env), ctx),
  scheduled: (controller, env, ctx) => worker.scheduled(controller, withDelay(env), ctx),
} satisfies ExportedHandler<BenchEnv>
