import { env } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import { rollupViews } from '../../worker/jobs/rollup-views'
import { MAX_PUTS_PER_FLUSH, viewCounterFor } from '../../worker/services/views/counter'
import { KV_OPS_PER_RUN } from '../../worker/services/views/kv-budget'
import { rollupShards } from '../../worker/services/views/rollup'
import { clearShards, countingKv, createArticles, expectStoredViews, keysLeft, seedShards } from '../helpers/views'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('the view rollup within the Workers limit of 1,000 KV operations per invocation', () => {
  beforeEach(clearShards)

  it('drains a backlog of 1,500 shards over successive cron runs, each within the budget, counting every view once', async () => {
    const targets = await createArticles(5, 'Tồn đọng')
    const { keys, expected } = await seedShards(1_500, targets.map((a) => a.id))
    const { kv, ops } = countingKv()
    // A view pending in the cron's own isolate: its flush put is part of the run.
    viewCounterFor(kv).record(targets[0]!.id)
    expected.set(targets[0]!.id, expected.get(targets[0]!.id)! + 1)

    const opsPerRun: number[] = []
    for (let run = 0; run < 4 && (await keysLeft(keys)).length > 0; run++) {
      ops.length = 0
      await rollupViews({ ...env, VIEWS: kv })
      opsPerRun.push(ops.length)
    }
    for (const n of opsPerRun) expect(n).toBeLessThanOrEqual(KV_OPS_PER_RUN)
    expect(KV_OPS_PER_RUN).toBeLessThan(1_000)
    expect(opsPerRun).toHaveLength(2)
    expect(await keysLeft(keys)).toEqual([])
    await expectStoredViews(expected)
  }, 120_000)

  it('stays within the budget when the cron’s own isolate holds 1,000 failed shards: 100 rewrites a flush, the rest on later runs', async () => {
    const [a] = await createArticles(1, 'Ghi lại dần')
    const { keys, expected } = await seedShards(500, [a!.id])
    const { kv, ops, writes, faults } = countingKv()
    const counter = viewCounterFor(kv)
    faults.failPuts = Infinity
    for (let i = 0; i < 1_000; i++) {
      counter.record(a!.id)
      await counter.flush()
    }
    faults.failPuts = 0
    expected.set(a!.id, expected.get(a!.id)! + 1_000)
    await sleep(1_050)

    const putsPerRun: number[] = []
    for (let run = 0; run < 11; run++) {
      ops.length = 0
      writes.length = 0
      await rollupViews({ ...env, VIEWS: kv })
      expect(ops.length).toBeLessThanOrEqual(KV_OPS_PER_RUN)
      putsPerRun.push(writes.filter((w) => w.op === 'put').length)
    }
    expect(putsPerRun).toEqual([...Array(10).fill(MAX_PUTS_PER_FLUSH), 0])
    await sleep(2_050)
    await rollupViews({ ...env, VIEWS: kv })
    expect(await keysLeft(keys)).toEqual([])
    await expectStoredViews(expected)
  }, 120_000)

  it('keeps draining while KV still lists the keys it deleted (eventual consistency), without deleting them again', async () => {
    const targets = await createArticles(3, 'Danh sách cũ')
    const { keys, expected } = await seedShards(1_200, targets.map((a) => a.id))
    const { kv, ops, writes, faults, applyDelayedDeletes } = countingKv()
    faults.delayDeletes = true

    const first = await rollupShards(env.DB, kv)
    expect(ops.length).toBeLessThanOrEqual(KV_OPS_PER_RUN)
    expect(first.folded).toBeGreaterThan(0)
    ops.length = 0
    // The first run's deletes are not visible yet: the list starts with keys it folded.
    const second = await rollupShards(env.DB, kv)
    expect(ops.length).toBeLessThanOrEqual(KV_OPS_PER_RUN)
    expect(first.folded + second.folded).toBe(1_200)
    const deletes = writes.filter((w) => w.op === 'delete').map((w) => w.key)
    expect(new Set(deletes).size).toBe(deletes.length)
    await applyDelayedDeletes()
    expect(await keysLeft(keys)).toEqual([])
    await expectStoredViews(expected)
  }, 120_000)
})
