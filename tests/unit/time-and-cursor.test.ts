import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../worker/lib/cursor'
import { ApiError } from '../../worker/lib/errors'
import { toDisplayTime, toUtcIso, toZonedIso } from '../../worker/lib/time'

describe('site time zone', () => {
  it('shows UTC instants in Asia/Ho_Chi_Minh with its offset and the newsroom format', () => {
    expect(toZonedIso('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('2017-04-18T09:35:00+07:00')
    expect(toDisplayTime('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('09:35 18/04/2017')
    expect(toDisplayTime('2017-04-17T20:00:00.000Z', 'Asia/Ho_Chi_Minh')).toBe('03:00 18/04/2017')
  })

  it('handles zones with daylight saving and half-hour offsets', () => {
    expect(toZonedIso('2017-07-01T12:00:00.000Z', 'Europe/Paris')).toBe('2017-07-01T14:00:00+02:00')
    expect(toZonedIso('2017-01-01T12:00:00.000Z', 'Europe/Paris')).toBe('2017-01-01T13:00:00+01:00')
    expect(toZonedIso('2017-01-01T12:00:00.000Z', 'Asia/Kolkata')).toBe('2017-01-01T17:30:00+05:30')
  })

  it('changes offset at the exact second of a transition (offsets are cached per quarter hour)', () => {
    expect(toZonedIso('2017-03-26T00:59:59.000Z', 'Europe/Paris')).toBe('2017-03-26T01:59:59+01:00')
    expect(toZonedIso('2017-03-26T01:00:00.000Z', 'Europe/Paris')).toBe('2017-03-26T03:00:00+02:00')
    expect(toZonedIso('2017-10-29T00:59:59.000Z', 'Europe/Paris')).toBe('2017-10-29T02:59:59+02:00')
    expect(toZonedIso('2017-10-29T01:00:00.000Z', 'Europe/Paris')).toBe('2017-10-29T02:00:00+01:00')
  })

  it('round-trips: a zoned time parses back to the same instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        const utc = new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString()
        expect(toUtcIso(toZonedIso(utc, 'Asia/Ho_Chi_Minh'))).toBe(utc)
      }),
    )
  })
})

describe('cursors', () => {
  it('round-trip for their own sort only', () => {
    const c = encodeCursor({ sort: '-published_at', value: '2017-04-18T02:35:00.000Z', id: 42 })
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(c, '-published_at')).toEqual({ sort: '-published_at', value: '2017-04-18T02:35:00.000Z', id: 42 })
    expect(() => decodeCursor(c, 'title')).toThrow(ApiError)
  })

  it('reject anything that is not one of ours with a 400, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (raw) => {
        try {
          decodeCursor(raw, '-published_at')
        } catch (e) {
          expect(e).toBeInstanceOf(ApiError)
          expect((e as ApiError).status).toBe(400)
        }
      }),
    )
  })
})
