import { describe, expect, it } from 'vitest'
import { fetchMedia, httpDate, HUNDRED_BYTES, useStoredMedia } from '../helpers/media'

const KEY = '2017/04/dieu-kien.bin'
const stored = useStoredMedia(KEY)

const expectFull = async (headers: Record<string, string>) => {
  const { status, body, res } = await fetchMedia(KEY, headers)
  expect(status, JSON.stringify(headers)).toBe(200)
  expect(body).toEqual(HUNDRED_BYTES)
  return res
}

const expectStatus = async (headers: Record<string, string>, expected: number) => {
  const { status, body, res } = await fetchMedia(KEY, headers)
  expect(status, JSON.stringify(headers)).toBe(expected)
  return { body, res }
}

describe('GET /media/{key} conditional requests (RFC 9110 §13)', () => {
  it('sends Last-Modified and answers 304 when not modified since that date, the file when modified', async () => {
    const res = await expectFull({})
    expect(res.headers.get('etag')).toBe(stored.etag)
    expect(res.headers.get('last-modified')).toBe(httpDate(stored.uploaded))
    await expectStatus({ 'If-Modified-Since': res.headers.get('last-modified')! }, 304)
    await expectStatus({ 'If-Modified-Since': httpDate(stored.uploaded, 3600) }, 304)
    await expectFull({ 'If-Modified-Since': httpDate(stored.uploaded, -1) })
    // If-None-Match wins: a non-matching tag means the file is sent whatever the date says.
    await expectFull({ 'If-None-Match': '"other"', 'If-Modified-Since': httpDate(stored.uploaded, 3600) })
  })

  it('answers If-None-Match with 304 when it matches (weakly, in a list, or *) and ignores junk instead of failing', async () => {
    for (const value of [stored.etag, `W/${stored.etag}`, `"other", ${stored.etag}`, '*']) {
      const { body, res } = await expectStatus({ 'If-None-Match': value }, 304)
      expect(body).toHaveLength(0)
      expect(res.headers.get('etag')).toBe(stored.etag)
    }
    const cases: Record<string, string>[] = [
      { 'If-None-Match': 'garbage' },
      { 'If-None-Match': '"unterminated' },
      { 'If-None-Match': 'W/' },
      { 'If-Modified-Since': 'yesterday' },
      { 'If-Modified-Since': '1' },
      { 'If-Unmodified-Since': 'not a date' },
      { 'If-Range': 'garbage', Range: 'bytes=0-1' },
    ]
    for (const headers of cases) await expectFull(headers)
  })

  it('answers 412 when If-Unmodified-Since fails, as JSON', async () => {
    const { body, res } = await expectStatus({ 'If-Unmodified-Since': httpDate(stored.uploaded, -60) }, 412)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(JSON.parse(new TextDecoder().decode(body)).error.code).toBe('precondition_failed')
    await expectFull({ 'If-Unmodified-Since': httpDate(stored.uploaded) })
    await expectFull({ 'If-Unmodified-Since': httpDate(stored.uploaded, 60) })
  })

  it('answers 412 when If-Match does not match strongly, and 200 when it does', async () => {
    for (const value of ['"nope"', `W/${stored.etag}`, 'garbage']) await expectStatus({ 'If-Match': value }, 412)
    for (const value of [stored.etag, `"nope", ${stored.etag}`, '*']) await expectFull({ 'If-Match': value })
    // If-Match decides alone: a failed If-Unmodified-Since is not looked at when it is present.
    await expectFull({ 'If-Match': stored.etag, 'If-Unmodified-Since': httpDate(stored.uploaded, -60) })
  })

  it('checks preconditions before the range', async () => {
    await expectStatus({ 'If-None-Match': stored.etag, Range: 'bytes=5000-6000' }, 304)
    await expectStatus({ 'If-Match': '"nope"', Range: 'bytes=0-9' }, 412)
  })

  it('sends the part only while If-Range still names this file', async () => {
    for (const ifRange of [stored.etag, httpDate(stored.uploaded)]) {
      const { body } = await expectStatus({ 'If-Range': ifRange, Range: 'bytes=0-9' }, 206)
      expect(body).toEqual(HUNDRED_BYTES.slice(0, 10))
    }
    for (const ifRange of ['"old"', `W/${stored.etag}`, httpDate(stored.uploaded, -60)]) {
      await expectFull({ 'If-Range': ifRange, Range: 'bytes=0-9' })
    }
  })
})
