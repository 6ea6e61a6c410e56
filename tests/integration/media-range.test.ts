import { beforeAll, describe, expect, it } from 'vitest'
import { fetchMedia, HUNDRED_BYTES, putMedia } from '../helpers/media'

const KEY = '2017/04/tung-phan.bin'

beforeAll(async () => {
  await putMedia(KEY)
  await putMedia('2017/04/rong.bin', new Uint8Array())
})

describe('GET /media/{key} byte ranges (RFC 9110 §14)', () => {
  it.each([
    ['bytes=0-3', 0, 3],
    ['bytes=10-19', 10, 19],
    ['bytes=90-', 90, 99],
    ['bytes=-10', 90, 99],
    ['bytes=-500', 0, 99],
    ['bytes=95-500', 95, 99],
    ['bytes=99-99', 99, 99],
    ['bytes=0-', 0, 99],
    ['Bytes=5-6', 5, 6],
    ['bytes=0-99999999999999999999', 0, 99],
  ])('%s is a 206 with exactly bytes %i-%i', async (range, first, last) => {
    const { status, body, res } = await fetchMedia(KEY, { Range: range })
    expect(status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes ${first}-${last}/100`)
    expect(res.headers.get('content-length')).toBe(String(last - first + 1))
    expect(body).toEqual(HUNDRED_BYTES.slice(first, last + 1))
  })

  it.each(['bytes=5000-6000', 'bytes=100-', 'bytes=100-200', 'bytes=-0', 'bytes=99999999999999999999-'])('%s is a 416 with the size', async (range) => {
    const { status, body, res } = await fetchMedia(KEY, { Range: range })
    expect(status).toBe(416)
    expect(res.headers.get('content-range')).toBe('bytes */100')
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(JSON.parse(new TextDecoder().decode(body)).error).toMatchObject({ code: 'range_not_satisfiable', details: [{ path: 'header.range' }] })
  })

  it('416s any range of an empty file', async () => {
    const { status, res } = await fetchMedia('2017/04/rong.bin', { Range: 'bytes=0-0' })
    expect(status).toBe(416)
    expect(res.headers.get('content-range')).toBe('bytes */0')
    expect((await fetchMedia('2017/04/rong.bin')).status).toBe(200)
  })

  it.each(['bytes=abc', 'bytes=5-2', 'items=0-1', 'bytes=', 'bytes=-', 'bytes=0-1,5-6', '0-1', 'bytes=1.5-2', 'bytes=5 - 6'])(
    'ignores the malformed or multi-part range %s and sends the whole file',
    async (range) => {
      const { status, body, res } = await fetchMedia(KEY, { Range: range })
      expect(status).toBe(200)
      expect(res.headers.get('content-range')).toBeNull()
      expect(body).toEqual(HUNDRED_BYTES)
    },
  )

  it('ignores a range on HEAD (ranges are defined for GET only)', async () => {
    const { status, res } = await fetchMedia(KEY, { Range: 'bytes=0-3' }, 'HEAD')
    expect(status).toBe(200)
    expect(res.headers.get('content-length')).toBe('100')
    expect(res.headers.get('content-range')).toBeNull()
  })
})
