import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ViewCounter } from '../../worker/services/views/counter'
import { readViewTotals } from '../../worker/services/views/read'
import { REDELETE_AFTER_MS, rollupShards } from '../../worker/services/views/rollup'
import { SHARD_PREFIX } from '../../worker/services/views/shard'
import { countingKv, createArticles, keysLeft, maxWritesPerKeyPerSecond, storedHourSum, storedTotal } from '../helpers/views'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** An ExecutionContext stand-in that keeps the promises the counter hands to waitUntil. */
function waitUntilBag() {
  const promises: Promise<unknown>[] = []
  return { ctx: { waitUntil: (p: Promise<unknown>) => void promises.push(p) }, settle: () => Promise.all(promises) }
}

describe('view shards and the rollup (service level, real KV and D1)', () => {
  it('loses and doubles nothing while rollups run during flushes, with at most one KV write per key per second', async () => {
    const targets = await createArticles(3, 'Rollup song song')
    const { kv, writes } = countingKv()
    const counter = new ViewCounter(kv, { flushDelayMs: 25 })
    const bag = waitUntilBag()
    const expected = new Map(targets.map((a) => [a.id, 0]))

    let recording = true
    let foldedWhileRecording = 0
    const rollups = Promise.all(
      [0, 1].map(async () => {
        while (recording) {
          foldedWhileRecording += (await rollupShards(env.DB, kv)).folded
          await sleep(40)
        }
      }),
    )
    await Promise.all(
      Array.from({ length: 64 }, async (_, client) => {
        for (let i = 0; i < 40; i++) {
          const a = targets[(client + i) % targets.length]!
          counter.record(a.id, bag.ctx)
          expected.set(a.id, expected.get(a.id)! + 1)
          await sleep(Math.random() * 60)
        }
      }),
    )
    recording = false
    await rollups
    expect(foldedWhileRecording).toBeGreaterThan(0)
    await bag.settle()
    await counter.flush()
    await rollupShards(env.DB, kv)
    // A later tick deletes the youngest keys: a delete waits 2 s after the key's write.
    await sleep(2_100)
    await rollupShards(env.DB, kv)

    for (const a of targets) {
      expect(await storedTotal(a.id)).toBe(expected.get(a.id))
      expect(await storedHourSum(a.id)).toBe(expected.get(a.id))
    }
    const puts = writes.filter((w) => w.op === 'put')
    expect(puts.length).toBeGreaterThan(5)
    expect(new Set(puts.map((w) => w.key)).size).toBe(puts.length)
    expect(maxWritesPerKeyPerSecond(writes)).toBeLessThanOrEqual(1)
    expect((await env.VIEWS.list({ prefix: SHARD_PREFIX })).keys.filter((k) => puts.some((p) => p.key === k.name))).toEqual([])
  })

  it('folds each shard once when several rollups run at the same moment', async () => {
    const [a] = await createArticles(1, 'Ba lần cuộn cùng lúc')
    const { kv } = countingKv()
    const counter = new ViewCounter(kv)
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 10; i++) counter.record(a!.id)
      await counter.flush()
    }
    const reports = await Promise.all([1, 2, 3].map(() => rollupShards(env.DB, kv)))
    expect(await storedTotal(a!.id)).toBe(60)
    expect(reports.reduce((n, r) => n + r.views, 0)).toBe(60)
    // They did race: the losers' batches failed on a recorded key and were rebuilt.
    expect(reports.reduce((n, r) => n + r.conflicts, 0)).toBeGreaterThan(0)
  })

  it('repeats a rollup that died before deleting its keys without counting them again', async () => {
    const [a] = await createArticles(1, 'Cuộn lại sau sự cố')
    const { kv, faults, writes } = countingKv()
    const counter = new ViewCounter(kv)
    for (let i = 0; i < 9; i++) counter.record(a!.id)
    await counter.flush()
    const key = counter.unconfirmed()[0]!.key
    faults.failDeletes = true
    const first = await rollupShards(env.DB, kv, { now: Date.now() + 5_000 })
    expect(first.deleted).toBe(0)
    expect(await storedTotal(a!.id)).toBe(9)

    faults.failDeletes = false
    // Soon after, a listed key that is already folded is taken for KV's stale listing of a
    // delete that worked; once it is still listed REDELETE_AFTER_MS later, it is deleted.
    for (const later of [5_000, 5_000 + REDELETE_AFTER_MS]) {
      const again = await rollupShards(env.DB, kv, { now: Date.now() + later })
      expect(again.views).toBe(0)
    }
    expect(writes.filter((w) => w.op === 'delete' && w.key === key)).toHaveLength(1)
    expect(await keysLeft([key])).toEqual([])
    expect(await storedTotal(a!.id)).toBe(9)
  })

  it('rewrites a failed shard under the same key, no sooner than a second later, and counts it once', async () => {
    const [a] = await createArticles(1, 'Ghi lại khi KV lỗi')
    const { kv, writes, faults } = countingKv()
    const counter = new ViewCounter(kv)
    for (let i = 0; i < 4; i++) counter.record(a!.id)
    faults.failPuts = 1
    const failedAt = Date.now()
    await counter.flush()
    expect(writes).toEqual([])
    const failedKey = counter.unconfirmed()[0]!.key
    // Still known to this isolate while KV is failing.
    expect((await readViewTotals(env.DB, counter, [a!.id])).get(a!.id)).toBe(4)

    await counter.flush()
    expect(writes).toEqual([])
    await sleep(1_050)
    counter.record(a!.id)
    await counter.flush()
    expect(writes).toHaveLength(2)
    expect(writes.map((w) => w.key)).toContain(failedKey)
    expect(writes.find((w) => w.key === failedKey)!.at - failedAt).toBeGreaterThanOrEqual(1_000)
    await rollupShards(env.DB, kv)
    expect(await storedTotal(a!.id)).toBe(5)
    expect(maxWritesPerKeyPerSecond(writes)).toBe(1)
  })

  it('keeps an isolate’s own reads exact through flushes and rollups', async () => {
    const [a] = await createArticles(1, 'Đọc số liệu giữa chừng')
    const counter = new ViewCounter(env.VIEWS)
    const read = async () => (await readViewTotals(env.DB, counter, [a!.id])).get(a!.id)
    let recorded = 0
    for (let step = 0; step < 12; step++) {
      for (let i = 0; i <= step; i++, recorded++) counter.record(a!.id)
      const before = recorded
      const [seen] = await Promise.all([read(), step % 2 ? counter.flush() : rollupShards(env.DB, env.VIEWS), step % 3 ? null : counter.flush()])
      expect(seen).toBe(before)
      expect(await read()).toBe(recorded)
    }
    await counter.flush()
    await rollupShards(env.DB, env.VIEWS)
    expect(await storedTotal(a!.id)).toBe(recorded)
    expect(await read()).toBe(recorded)
  })
})
