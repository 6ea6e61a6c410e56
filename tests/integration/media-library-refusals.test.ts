/**
 * Uploads that must be refused, each with a 4xx in the JSON envelope, nothing
 * stored (no row, no R2 object) and the next request served; duplicates come back
 * as the existing item. The size cap is tested with a small MEDIA_MAX_BYTES.
 */
import { createExecutionContext, env } from 'cloudflare:test'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { loginAs, BASE, type SignedIn } from '../helpers/auth'
import { concatBytes, imageBytes, pngBytes } from '../helpers/images'
import { mediaForm, postMediaRaw, uploadMedia } from '../helpers/media-library'

let editor: SignedIn
const auth = () => ({ Cookie: editor.cookie, Origin: BASE })

beforeAll(async () => {
  editor = await loginAs('editor')
})

/** Rows and R2 objects: equal before and after means a refused upload stored nothing. */
async function stored() {
  const rows = await env.DB.prepare('SELECT count(*) AS n FROM media').first<{ n: number }>()
  const objects = await env.MEDIA.list()
  return { rows: rows!.n, objects: objects.objects.map((o) => o.key).sort() }
}

/** The worker with MEDIA_MAX_BYTES set to `max`. */
const withMax = (max: number, init: RequestInit) =>
  worker.fetch(new Request(`${BASE}/api/admin/media`, { method: 'POST', ...init, headers: { ...auth(), ...(init.headers as Record<string, string>) } }), { ...env, MEDIA_MAX_BYTES: String(max) }, createExecutionContext())

const expectRefused = async (res: { status: number; body: any }, status: number, code: string) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.body.error.code).toBe(code)
  expect(res.body.error.message.length).toBeGreaterThan(0)
}

describe('refused uploads', () => {
  it('refuses what is not an image, whatever its name and type say, and stores nothing', async () => {
    const before = await stored()
    const html = new TextEncoder().encode('<!doctype html><html><script>alert(1)</script></html>')
    const r1 = await uploadMedia(editor, html, 'anh.jpg', {}, 'image/jpeg')
    await expectRefused(r1, 415, 'unsupported_media_type')
    expect(r1.body.error.message).toContain('looks like HTML/SVG text')
    const svg = new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>')
    const r2 = await uploadMedia(editor, svg, 'logo.svg', {}, 'image/svg+xml')
    await expectRefused(r2, 415, 'unsupported_media_type')
    expect(r2.body.error.message).toMatch(/SVG/)
    await expectRefused(await uploadMedia(editor, new Uint8Array(), 'rong.png'), 415, 'unsupported_media_type')
    await expectRefused(await uploadMedia(editor, Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 256), 'x.webp'), 415, 'unsupported_media_type')
    const png = await pngBytes({ width: 10, height: 10 })
    await expectRefused(await uploadMedia(editor, png.subarray(0, png.length - 5), 'cut.png'), 422, 'validation_failed')
    expect(await stored()).toEqual(before)
    expect((await uploadMedia(editor, png, 'ok.png')).status).toBe(201)
  })

  it('refuses forms without a file, with unknown or repeated fields, too-long text, or not multipart', async () => {
    const before = await stored()
    const png = await pngBytes({ width: 3, height: 3, variant: 9 })
    const noFile = new FormData()
    noFile.append('alt', 'x')
    await expectRefused(await postMediaRaw(editor, noFile), 400, 'validation_failed')
    const textFile = new FormData()
    textFile.append('file', 'not a file')
    await expectRefused(await postMediaRaw(editor, textFile), 400, 'validation_failed')
    const extra = mediaForm(png, 'a.png', { alt: 'x' })
    extra.append('key', 'mine.png')
    await expectRefused(await postMediaRaw(editor, extra), 400, 'validation_failed')
    const twice = mediaForm(png, 'a.png')
    twice.append('file', new File([png], 'b.png'))
    await expectRefused(await postMediaRaw(editor, twice), 400, 'validation_failed')
    await expectRefused(await uploadMedia(editor, png, 'a.png', { caption: 'x'.repeat(1001) }), 400, 'validation_failed')
    await expectRefused(await postMediaRaw(editor, JSON.stringify({ file: 'x' }), { 'Content-Type': 'application/json' }), 415, 'unsupported_media_type')
    await expectRefused(await postMediaRaw(editor, '--x\r\nbroken', { 'Content-Type': 'multipart/form-data; boundary=x' }), 400, 'bad_request')
    expect(await stored()).toEqual(before)
  })

  it('413 over MEDIA_MAX_BYTES: from Content-Length before reading, while streaming without one, and by the file itself', async () => {
    const before = await stored()
    const big = await imageBytes('jpeg', { width: 8, height: 8 })
    // A comment segment pads the JPEG to 70,000 bytes: over 100 + MULTIPART_OVERHEAD as a body.
    const padded = concatBytes(big.subarray(0, 2), [0xff, 0xfe, 0xff, 0xff], new Uint8Array(65533), [0xff, 0xfe, 0x11, 0x8e], new Uint8Array(4492), big.subarray(2))
    const encoded = new Response(mediaForm(padded, 'big.jpg'))
    const body = new Uint8Array(await encoded.arrayBuffer())
    const type = encoded.headers.get('Content-Type')!
    const sized = await withMax(100, { body, headers: { 'Content-Type': type, 'Content-Length': String(body.length) } })
    expect(sized.status).toBe(413)
    expect(((await sized.json()) as any).error.code).toBe('payload_too_large')
    const chunks = new ReadableStream({ start(c) { for (let i = 0; i < body.length; i += 1000) c.enqueue(body.subarray(i, i + 1000)); c.close() } })
    expect((await withMax(100, { body: chunks, headers: { 'Content-Type': type } })).status).toBe(413)
    expect((await withMax(padded.length - 1, { body, headers: { 'Content-Type': type } })).status).toBe(413)
    expect(await stored()).toEqual(before)
    const ok = await withMax(padded.length, { body, headers: { 'Content-Type': type } })
    expect(ok.status).toBe(201)
    expect(((await ok.json()) as any).data).toMatchObject({ bytes: padded.length, width: 8, height: 8 })
  })

  it('a duplicate comes back as the existing item (200, duplicate: true), stored once', async () => {
    const gif = await imageBytes('gif', { width: 20, height: 20, variant: 77 })
    const first = await uploadMedia(editor, gif, 'mot.gif', { credit: 'TTXVN' })
    expect(first.status).toBe(201)
    const before = await stored()
    const again = await uploadMedia(editor, gif, 'hai.gif')
    expect(again.status).toBe(200)
    expect(again.body.duplicate).toBe(true)
    expect(again.body.data).toMatchObject({ id: first.body.data.id, filename: 'mot.gif', credit: 'TTXVN' })
    expect(await stored()).toEqual(before)
  })

  it('property: random multipart bodies and fields never give a 5xx, and a refusal stores nothing', async () => {
    const valid = await imageBytes('webp', { width: 5, height: 5, variant: 3 })
    const part = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 60 }).map((tail) => concatBytes(valid.subarray(0, 20), tail)),
      fc.string({ maxLength: 80 }).map((s) => new TextEncoder().encode(s)),
    )
    const field = fc.record({ name: fc.constantFrom('file', 'alt', 'caption', 'credit', 'x', ''), text: fc.option(fc.string({ maxLength: 40 })), bytes: part, filename: fc.string({ maxLength: 30 }) })
    await fc.assert(
      fc.asyncProperty(fc.array(field, { maxLength: 4 }), fc.boolean(), async (fields, rawBody) => {
        const before = await stored()
        let res
        if (rawBody) {
          const bytes = concatBytes(...fields.map((f) => f.bytes))
          res = await postMediaRaw(editor, bytes, { 'Content-Type': 'multipart/form-data; boundary=----b' })
        } else {
          const form = new FormData()
          for (const f of fields) f.text === null ? form.append(f.name, new File([f.bytes], f.filename)) : form.append(f.name, f.text)
          res = await postMediaRaw(editor, form)
        }
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500)
        if (res.status >= 400) {
          expect(res.body.error.code).toBeTypeOf('string')
          expect(await stored()).toEqual(before)
        }
      }),
      { numRuns: 60 },
    )
    expect((await uploadMedia(editor, await pngBytes({ width: 2, height: 2, variant: 5 }), 'sau.png')).status).toBe(201)
  })
})
