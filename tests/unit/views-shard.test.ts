import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isNonHumanView } from '../../worker/services/views/bots'
import { addCount, decodeShard, encodeShard, hourIndex, hourIso, shardCreatedAt, shardKey, type HourCounts } from '../../worker/services/views/shard'

describe('view shards', () => {
  it('round-trips counts through the stored form', () => {
    const counts: HourCounts = new Map()
    addCount(counts, 7, 480_000)
    addCount(counts, 7, 480_000, 4)
    addCount(counts, 9, 480_001, 2)
    expect(decodeShard(encodeShard(counts)).sort()).toEqual([[7, 480_000, 5], [9, 480_001, 2]])
  })

  it('keeps only well-formed rows of any stored value, and never throws (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ v: 1, rows: v }))), (text) => {
        for (const [id, hour, n] of decodeShard(text)) {
          for (const x of [id, hour, n]) expect(Number.isSafeInteger(x) && x > 0).toBe(true)
        }
      }),
    )
  })

  it('names keys by creation time and reads the time back, refusing keys it did not write', () => {
    const key = shardKey(1_795_700_000_000, 'abc123', 4)
    expect(key).toBe('views:v1:1795700000000:abc123:4')
    expect(shardCreatedAt(key)).toBe(1_795_700_000_000)
    expect(shardCreatedAt('views:v1:notatime:abc:1')).toBeNull()
    expect(shardKey(5, 'x', 1) < shardKey(40, 'x', 1)).toBe(true)
  })

  it('buckets by UTC hour', () => {
    const at = Date.parse('2017-04-18T02:35:00Z')
    expect(hourIso(hourIndex(at))).toBe('2017-04-18T02:00:00.000Z')
  })
})

describe('non-human views', () => {
  const ua = (value: string, extra: Record<string, string> = {}) => isNonHumanView(new Headers({ 'User-Agent': value, ...extra }))

  it('tells crawlers and tools from readers', () => {
    expect(ua('Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)')).toBe(true)
    expect(ua('Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)')).toBe(true)
    expect(ua('Twitterbot/1.0')).toBe(true)
    expect(ua('python-requests/2.32.3')).toBe(true)
    expect(ua('   ')).toBe(true)
    expect(isNonHumanView(new Headers())).toBe(true)
    expect(ua('Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Mobile Safari/537.36')).toBe(false)
    expect(ua('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe(false)
  })

  it('does not count prefetches and prerenders', () => {
    const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
    expect(ua(chrome, { 'Sec-Purpose': 'prefetch;prerender' })).toBe(true)
    expect(ua(chrome, { Purpose: 'prefetch' })).toBe(true)
    expect(ua(chrome)).toBe(false)
  })
})
