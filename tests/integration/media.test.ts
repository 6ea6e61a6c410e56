import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { countingR2, fetchMedia, fetchMediaWith, HUNDRED_BYTES, putMedia } from '../helpers/media'

const BASE = 'http://127.0.0.1:8787'
const bytes = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"></svg>')

beforeAll(async () => {
  await env.MEDIA.put('2017/04/da-nang-mua-lon.svg', bytes, { httpMetadata: { contentType: 'image/svg+xml' } })
  await putMedia('2017/04/hundred.bin')
})

describe('GET /media/{key}', () => {
  it('streams the file from R2 with its type, an ETag and a long cache life', async () => {
    const res = await SELF.fetch(`${BASE}/media/2017/04/da-nang-mua-lon.svg`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/svg+xml')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes)
  })

  it('answers If-None-Match with 304 and a Range with 206', async () => {
    const etag = (await SELF.fetch(`${BASE}/media/2017/04/da-nang-mua-lon.svg`).then(async (r) => (await r.arrayBuffer(), r))).headers.get('etag')!
    const again = await SELF.fetch(`${BASE}/media/2017/04/da-nang-mua-lon.svg`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    const part = await SELF.fetch(`${BASE}/media/2017/04/da-nang-mua-lon.svg`, { headers: { Range: 'bytes=0-3' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-3/${bytes.length}`)
    expect(await part.text()).toBe('<svg')
  })

  it('404s a missing file and 400s a key that tries to escape', async () => {
    const missing = await SELF.fetch(`${BASE}/media/khong-co.jpg`)
    expect(missing.status).toBe(404)
    expect((await missing.json<any>()).error.code).toBe('not_found')
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', '.hidden', 'a//b', '%00']) {
      const res = await SELF.fetch(`${BASE}/media/${bad}`)
      expect(res.status, bad).toBe(400)
      await res.arrayBuffer()
    }
  })

  it('decodes the key once: 400 for invalid percent-encoding instead of failing, the file for valid', async () => {
    for (const bad of ['%ZZ', 'a%E0%A4%A', '2017/%', '%C3%28']) {
      const { status, res, body } = await fetchMedia(bad)
      expect(status, bad).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/json')
      expect(JSON.parse(new TextDecoder().decode(body)).error).toMatchObject({ code: 'bad_request', details: [{ path: 'param.key' }] })
    }
    const encoded = await fetchMedia('2017%2F04%2Fhundred.bin')
    expect(encoded.status).toBe(200)
    expect(encoded.body).toEqual(HUNDRED_BYTES)
  })

  it('answers HEAD with the headers of a GET and no body', async () => {
    const get = await fetchMedia('2017/04/hundred.bin')
    const { status, res, body } = await fetchMedia('2017/04/hundred.bin', {}, 'HEAD')
    expect(status).toBe(200)
    expect(body).toHaveLength(0)
    expect(res.headers.get('content-length')).toBe('100')
    expect(res.headers.get('etag')).toBe(get.res.headers.get('etag'))
    expect(res.headers.get('last-modified')).toBe(get.res.headers.get('last-modified'))
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    const notModified = await fetchMedia('2017/04/hundred.bin', { 'If-None-Match': get.res.headers.get('etag')! }, 'HEAD')
    expect(notModified.status).toBe(304)
    expect((await fetchMedia('khong-co.bin', {}, 'HEAD')).status).toBe(404)
  })

  it('makes one R2 call for a full read, a 304 and a part', async () => {
    const { bucket, calls } = countingR2()
    const full = await fetchMediaWith(bucket, '2017/04/hundred.bin')
    expect(full.status).toBe(200)
    const etag = full.res.headers.get('etag')!
    expect((await fetchMediaWith(bucket, '2017/04/hundred.bin', { 'If-None-Match': etag })).status).toBe(304)
    expect((await fetchMediaWith(bucket, '2017/04/hundred.bin', { Range: 'bytes=10-19' })).status).toBe(206)
    expect((await fetchMediaWith(bucket, '2017/04/hundred.bin', {}, 'HEAD')).status).toBe(200)
    expect(calls).toEqual(['get', 'get', 'get', 'head'])
  })
})
