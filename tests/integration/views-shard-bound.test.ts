/**
 * The beacon counts any well-formed id without asking D1 (round-trips-public.test.ts):
 * beacons naming thousands of ids, real or not, must not make an oversized shard,
 * and the rollup must fold only the published articles among them.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { MAX_SHARD_ARTICLES, ViewCounter } from '../../worker/services/views/counter'
import { rollupShards } from '../../worker/services/views/rollup'
import { createArticle } from '../helpers/fixtures'
import { countingKv, storedTotal } from '../helpers/views'

describe('a shard holds at most MAX_SHARD_ARTICLES articles', () => {
  it('flushes at once when the pending counts name that many articles, loses none, and the rollup keeps only published ones', async () => {
    const [published, draft] = [await createArticle({ title: 'Hà Nội: tin nóng' }), await createArticle({ title: 'Bản nháp', status: 'draft' })]
    const { kv, writes } = countingKv()
    const counter = new ViewCounter(kv)
    const waiting: Promise<unknown>[] = []
    const ctx = { waitUntil: (p: Promise<unknown>) => void waiting.push(p) }
    const junk = Array.from({ length: MAX_SHARD_ARTICLES - 2 }, (_, i) => 900_000_000 + i)
    for (const id of [published.id, draft.id, published.id, ...junk.slice(0, -1)]) counter.record(id, ctx)
    expect(waiting).toHaveLength(1) // only the 5-second flush timer
    counter.record(junk.at(-1)!, ctx)
    expect(waiting).toHaveLength(2)
    await waiting[1]
    expect(writes.map((w) => w.op)).toEqual(['put'])
    const body = (await env.VIEWS.get(writes[0]!.key))!
    expect(JSON.parse(body).rows).toHaveLength(MAX_SHARD_ARTICLES)
    expect(body.length).toBeLessThan(40_000)

    const report = await rollupShards(env.DB, kv)
    expect(report.views).toBe(MAX_SHARD_ARTICLES + 1)
    expect([await storedTotal(published.id), await storedTotal(draft.id), await storedTotal(junk[0]!)]).toEqual([2, 0, 0])
  })
})
