import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseRange, resolveRange } from '../../worker/lib/http/byte-range'
import { parseEntityTag, parseTagList } from '../../worker/lib/http/entity-tag'
import { formatHttpDate, parseHttpDate } from '../../worker/lib/http/http-date'
import { evaluatePreconditions, parseIfRange } from '../../worker/lib/http/preconditions'

const NOV_6_1994 = Date.UTC(1994, 10, 6, 8, 49, 37)

describe('HTTP-date (RFC 9110 §5.6.7)', () => {
  it('reads the three forms a recipient must accept', () => {
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(NOV_6_1994)
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')).toBe(NOV_6_1994)
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')).toBe(NOV_6_1994)
  })

  it('refuses what is not a date rather than guessing', () => {
    for (const bad of ['', '1', 'yesterday', '2017-04-18T09:35:00Z', 'Sun, 31 Feb 1994 08:49:37 GMT', 'Sun, 06 Nov 1994 25:00:00 GMT', 'Sun, 06 Foo 1994 08:49:37 GMT']) {
      expect(parseHttpDate(bad), bad).toBeNull()
    }
  })

  it('property: a formatted time reads back to the same second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_000 }), (ms) => {
        expect(parseHttpDate(formatHttpDate(ms))).toBe(Math.floor(ms / 1000) * 1000)
      }),
    )
  })
})

describe('entity-tags (RFC 9110 §8.8.3)', () => {
  it('reads lists, skipping junk, and keeps commas inside a tag', () => {
    expect(parseTagList('*')).toBe('*')
    expect(parseTagList('"a", W/"b" ,junk, "c,d"')).toEqual([
      { weak: false, opaque: 'a' },
      { weak: true, opaque: 'b' },
      { weak: false, opaque: 'c,d' },
    ])
    expect(parseTagList('garbage')).toEqual([])
    expect(parseTagList('"a"junk')).toEqual([])
    expect(parseEntityTag(' "x" ')).toEqual({ weak: false, opaque: 'x' })
    expect(parseEntityTag('"x", "y"')).toBeNull()
  })

  it('property: any header value parses without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 60 }), (s) => void parseTagList(s)))
  })
})

describe('byte ranges (RFC 9110 §14.1)', () => {
  it('reads one range and ignores the rest', () => {
    expect(parseRange('bytes=0-99')).toEqual({ first: 0, last: 99 })
    expect(parseRange('bytes=5-')).toEqual({ first: 5 })
    expect(parseRange('bytes=-5')).toEqual({ suffix: 5 })
    for (const bad of [undefined, '', 'bytes=5-2', 'bytes=0-1,3-4', 'pages=0-1', 'bytes=a-b', 'bytes=-']) expect(parseRange(bad), bad).toBeNull()
  })

  it('property: a resolved part lies inside the file, and only an unsatisfiable range resolves to nothing', () => {
    const range = fc.oneof(
      fc.record({ first: fc.nat(300), last: fc.option(fc.nat(300), { nil: undefined }) }).filter((r) => r.last === undefined || r.last >= r.first),
      fc.record({ suffix: fc.nat(300) }),
    )
    fc.assert(
      fc.property(range, fc.nat(200), (r, size) => {
        const part = resolveRange(r, size)
        const satisfiable = size > 0 && ('suffix' in r ? r.suffix > 0 : r.first < size)
        expect(part !== null).toBe(satisfiable)
        if (part) {
          expect(part.offset).toBeGreaterThanOrEqual(0)
          expect(part.length).toBeGreaterThan(0)
          expect(part.offset + part.length).toBeLessThanOrEqual(size)
        }
      }),
    )
  })
})

describe('preconditions (RFC 9110 §13.2.2)', () => {
  const current = { etag: { weak: false, opaque: 'v1' }, lastModified: NOV_6_1994 }
  const verdict = (headers: Record<string, string>) => evaluatePreconditions(new Headers(headers), current)

  it('gives If-Match and If-None-Match precedence over the dates', () => {
    expect(verdict({ 'If-Match': '"v1"', 'If-Unmodified-Since': 'Sat, 01 Jan 1994 00:00:00 GMT' })).toBe('pass')
    expect(verdict({ 'If-None-Match': '"v0"', 'If-Modified-Since': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toBe('pass')
    expect(verdict({ 'If-Modified-Since': 'Sun, 06 Nov 1994 08:49:37 GMT' })).toBe(304)
    expect(verdict({ 'If-Unmodified-Since': 'Sun, 06 Nov 1994 08:49:36 GMT' })).toBe(412)
    expect(verdict({ 'If-Match': 'W/"v1"' })).toBe(412)
    expect(verdict({ 'If-None-Match': 'W/"v1"' })).toBe(304)
  })

  it('keeps only If-Range validators that can match', () => {
    expect(parseIfRange('"v1"')).toEqual({ etag: current.etag })
    expect(parseIfRange('W/"v1"')).toBeNull()
    expect(parseIfRange('Sun, 06 Nov 1994 08:49:37 GMT')).toEqual({ date: NOV_6_1994 })
    expect(parseIfRange('junk')).toBeNull()
  })
})
