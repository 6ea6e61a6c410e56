/**
 * Key usage and views share one cron invocation's 1,000 KV operations: a backlog of
 * usage shards drains within USAGE_KV_OPS a run, the whole run stays within
 * KV_OPS_PER_RUN, and every count lands once.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { rollupCounters, USAGE_KV_OPS } from '../../worker/jobs/rollup-counters'
import { USAGE_PREFIX, usageBucket } from '../../worker/services/api-keys/usage'
import { KV_OPS_PER_RUN } from '../../worker/services/views/kv-budget'
import { addCount, encodeShard, shardKey, SHARD_TTL_SECONDS, type HourCounts } from '../../worker/services/views/shard'
import { staffClient } from '../helpers/admin-api'
import { mintKey } from '../helpers/api-keys'
import { countingKv } from '../helpers/views'

describe('the key-usage rollup within the cron’s KV budget', () => {
  it('drains 250 usage shards over runs of at most USAGE_KV_OPS, counting each request once', async () => {
    const admin = await staffClient('admin')
    const [a, b] = [await mintKey(admin), await mintKey(admin)]
    const now = Date.now()
    const shards = Array.from({ length: 250 }, (_, i) => {
      const counts: HourCounts = new Map()
      addCount(counts, a.id, usageBucket(now, false), 3)
      addCount(counts, b.id, usageBucket(now, i % 5 === 0), 1)
      return env.VIEWS.put(shardKey(now - 60_000 + i, 'seedusage', i, USAGE_PREFIX), encodeShard(counts), { expirationTtl: SHARD_TTL_SECONDS })
    })
    await Promise.all(shards)
    const { kv, ops } = countingKv()
    const usageOps: number[] = []
    for (let run = 0; run < 5; run++) {
      ops.length = 0
      const report = await rollupCounters({ ...env, VIEWS: kv })
      expect(ops.length).toBeLessThanOrEqual(KV_OPS_PER_RUN)
      usageOps.push(report.usage.kvOps)
      if (report.usage.complete && report.usage.listed === 0) break
    }
    for (const n of usageOps) expect(n).toBeLessThanOrEqual(USAGE_KV_OPS)
    expect(usageOps.length).toBeGreaterThan(2)
    const usage = async (id: number) => (await admin.get(`/api-keys/${id}`)).body.data.usage
    expect(await usage(a.id)).toEqual([{ day: new Date(now).toISOString().slice(0, 10), requests: 750, limited: 0 }])
    expect(await usage(b.id)).toEqual([{ day: new Date(now).toISOString().slice(0, 10), requests: 200, limited: 50 }])
  }, 60_000)
})
