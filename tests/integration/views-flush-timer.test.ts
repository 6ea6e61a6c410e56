import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { ViewCounter } from '../../worker/services/views/counter'
import { countingKv } from '../helpers/views'

/**
 * Production ends a request's waitUntil 30 s after the response at the latest. A
 * flush timer armed in a request whose waitUntil was cut never fires; the counter
 * must notice and arm a new one, or the isolate's views would wait in memory forever.
 */
describe('the view counter’s flush timer', () => {
  it('arms one timer per flush window, and a new one once the old one is older than 30 s', async () => {
    let now = 1_800_000_000_000
    const { kv, writes } = countingKv(env.VIEWS)
    const counter = new ViewCounter(kv, { now: () => now, flushDelayMs: 60_000 })
    const armed: Promise<unknown>[] = []
    // A waitUntil that production cut short: the promise is dropped, its timer never runs.
    const cutShort = { waitUntil: (p: Promise<unknown>) => void armed.push(p) }
    counter.record(1, cutShort)
    counter.record(1, cutShort)
    now += 29_000
    counter.record(1, cutShort)
    expect(armed).toHaveLength(1)
    now += 2_000
    counter.record(1, cutShort)
    expect(armed).toHaveLength(2)
    // Nothing is lost meanwhile: the next flush writes all four views in one shard.
    await counter.flush()
    expect(writes.filter((w) => w.op === 'put')).toHaveLength(1)
    expect(counter.localCounts([1], [], new Set()).get(1)).toBe(4)
  })
})
