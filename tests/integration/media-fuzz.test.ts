import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fetchMedia, httpDate, HUNDRED_BYTES, useStoredMedia } from '../helpers/media'

const KEY = '2017/04/fuzz.bin'
const stored = useStoredMedia(KEY)

const num = fc.oneof(fc.nat(120), fc.nat(), fc.constantFrom('', '-1', '1e3', '0x10', '99999999999999999999', ' 7'))
const rangeHeader = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('bytes', 'Bytes', 'items', ''), fc.array(fc.tuple(num, fc.constantFrom('-', '', '--', ' - '), num), { maxLength: 3 })).map(
    ([unit, specs]) => `${unit}=${specs.map(([a, dash, b]) => `${a}${dash}${b}`).join(',')}`,
  ),
)
/** Tags and dates that sometimes match the object, and junk. */
const validator = () =>
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('*', '"x"', 'W/"x"', '"', 'W/', ',', '"a", "b"'),
    fc.constant(null).map(() => stored.etag),
    fc.constant(null).map(() => `W/${stored.etag}`),
    fc.integer({ min: -100_000, max: 100_000 }).map((s) => httpDate(stored.uploaded, s)),
    fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  )
const headerSet = fc.record(
  { Range: rangeHeader, 'If-Match': validator(), 'If-None-Match': validator(), 'If-Modified-Since': validator(), 'If-Unmodified-Since': validator(), 'If-Range': validator() },
  { requiredKeys: [] },
)

describe('GET /media/{key} under arbitrary Range and If-* headers', () => {
  it('property: never a 5xx, and a 206 carries exactly the bytes its Content-Range names', async () => {
    await fc.assert(
      fc.asyncProperty(headerSet, fc.constantFrom('GET', 'HEAD'), async (headers, method) => {
        const { status, body, res } = await fetchMedia(KEY, headers as Record<string, string>, method)
        const seen = `${method} ${JSON.stringify(headers)} -> ${status}`
        expect([200, 206, 304, 412, 416], seen).toContain(status)
        if (status === 200 && method === 'GET') expect(body, seen).toEqual(HUNDRED_BYTES)
        if (status === 206) {
          const match = /^bytes (\d+)-(\d+)\/100$/.exec(res.headers.get('content-range') ?? '')
          expect(match, seen).not.toBeNull()
          const [first, last] = [Number(match![1]), Number(match![2])]
          expect(body, seen).toEqual(HUNDRED_BYTES.slice(first, last + 1))
          expect(body.length, seen).toBe(last - first + 1)
        }
        if (status === 416) expect(res.headers.get('content-range'), seen).toBe('bytes */100')
        if (status === 304) expect(body, seen).toHaveLength(0)
      }),
      { numRuns: 300, endOnFailure: true },
    )
  }, 120_000)
})
