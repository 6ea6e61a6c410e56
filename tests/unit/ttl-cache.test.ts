import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TtlCache } from '../../worker/lib/ttl-cache'

describe('TtlCache', () => {
  it('forgets an entry when its TTL has passed, and never stores one with no TTL', () => {
    const cache = new TtlCache<string, number>({ maxEntries: 10 })
    cache.set('a', 1, 1_000, 0, 0)
    cache.set('b', 2, 0, 0, 0)
    expect(cache.get('a', 999)).toBe(1)
    expect(cache.get('a', 1_000)).toBeUndefined()
    expect(cache.get('b', 0)).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('evicts the least recently used entries past its count and size budgets', () => {
    const cache = new TtlCache<string, string>({ maxEntries: 3, maxSize: 10 })
    cache.set('a', 'a', 60_000, 4)
    cache.set('b', 'b', 60_000, 4)
    cache.get('a')
    cache.set('c', 'c', 60_000, 4) // 12 > 10: b (least recently used) goes
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['a', undefined, 'c'])
    cache.set('huge', 'x', 60_000, 11) // larger than the whole budget: not stored, evicts nothing
    expect([cache.get('huge'), cache.size]).toEqual([undefined, 2])
  })

  it('stays within its budgets whatever the sequence of writes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 40 })), { maxLength: 200 }), (ops) => {
        const cache = new TtlCache<number, number>({ maxEntries: 8, maxSize: 100 })
        const sizes = new Map<number, number>()
        for (const [key, size] of ops) {
          cache.set(key, size, 60_000, size)
          sizes.set(key, size)
        }
        let total = 0
        for (const key of sizes.keys()) if (cache.get(key) !== undefined) total += sizes.get(key)!
        expect(cache.size).toBeLessThanOrEqual(8)
        expect(total).toBeLessThanOrEqual(100)
        const [lastKey, lastSize] = ops.at(-1) ?? [0, 0]
        if (ops.length) expect(cache.get(lastKey)).toBe(lastSize)
      }),
    )
  })
})
