import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { inspectImage } from '../../worker/lib/media/inspect'
import { concatBytes, CONTENT_TYPES, imageBytes, TEST_IMAGE_TYPES, type TestImageType } from '../helpers/images'

const text = (s: string) => new TextEncoder().encode(s)
const sizes = fc.record({ width: fc.integer({ min: 1, max: 3000 }), height: fc.integer({ min: 1, max: 3000 }) })

describe('inspectImage', () => {
  it.each(TEST_IMAGE_TYPES)('reads the type and size of a %s from its bytes, for any size', async (type) => {
    await fc.assert(
      fc.asyncProperty(sizes, async ({ width, height }) => {
        const result = inspectImage(await imageBytes(type, { width, height }))
        expect(result).toEqual({ ok: true, type, ext: type === 'jpeg' ? 'jpg' : type, contentType: CONTENT_TYPES[type], width, height })
      }),
      { numRuns: type === 'gif' ? 15 : 40 },
    )
  })

  it.each(TEST_IMAGE_TYPES)('refuses a %s cut short at any length', async (type: TestImageType) => {
    const bytes = await imageBytes(type, { width: 40, height: 30 })
    for (let n = 0; n < bytes.length; n++) {
      const result = inspectImage(bytes.subarray(0, n))
      expect(result.ok, `${type} cut at ${n} of ${bytes.length}`).toBe(false)
    }
  })

  it('names what it found instead of an image', () => {
    const reason = (b: Uint8Array) => (inspectImage(b) as { reason: string; status: number }).reason
    expect(reason(new Uint8Array())).toBe('the file is empty')
    expect(reason(text('<!DOCTYPE html><html></html>'))).toBe('looks like HTML/SVG text')
    expect(reason(text('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('looks like SVG text')
    expect(reason(text('<?xml version="1.0"?><svg></svg>'))).toBe('looks like SVG text')
    expect(reason(text('<p>Tin</p>'))).toBe('looks like HTML/SVG text')
    expect(reason(text('Ảnh: Quang Minh'))).toBe('looks like plain text')
    expect(reason(text('%PDF-1.7\n'))).toBe('a PDF document')
    expect(reason(concatBytes([0, 0, 0, 24], text('ftypheic'), [0, 0, 0, 0], text('mif1heic')))).toMatch(/brand "heic", not AVIF/)
    expect(reason(concatBytes(text('RIFF'), [4, 0, 0, 0], text('AVI ')))).toMatch(/RIFF file of type "AVI "/)
    expect(reason(new Uint8Array([0, 1, 2, 3, 250, 251]))).toBe('unknown binary format')
    expect(inspectImage(text('<svg/>'))).toMatchObject({ ok: false, status: 415 })
  })

  it('refuses a zero or absurd size as unreadable (422)', async () => {
    const png = await imageBytes('png', { width: 4, height: 4 })
    const zero = png.slice()
    zero.set([0, 0, 0, 0], 16)
    expect(inspectImage(zero)).toMatchObject({ ok: false, status: 422 })
    const avif = await imageBytes('avif', { width: 200_000, height: 10 })
    expect(inspectImage(avif)).toMatchObject({ ok: false, status: 422 })
  })

  it('reads a WebP VP8 (lossy) and VP8X (extended) header', () => {
    const riff = (chunk: string, data: number[]) => concatBytes(text('RIFF'), [4 + 8 + data.length, 0, 0, 0], text('WEBP'), text(chunk), [data.length, 0, 0, 0], data)
    const vp8 = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x40, 0x06, 0x2b, 0x04])
    expect(inspectImage(vp8)).toMatchObject({ ok: true, type: 'webp', width: 1600, height: 1067 })
    const vp8x = riff('VP8X', [0x10, 0, 0, 0, 0x7f, 0x07, 0, 0x37, 0x04, 0])
    expect(inspectImage(vp8x)).toMatchObject({ ok: true, width: 1920, height: 1080 })
  })

  it('property: any bytes give an answer or a refusal, never a throw', () => {
    const prefixes = fc.constantFrom([], [0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [...text('GIF89a')], [...text('RIFF')], [0, 0, 0, 20, ...text('ftypavif')])
    fc.assert(
      fc.property(prefixes, fc.uint8Array({ maxLength: 400 }), (prefix, rest) => {
        const result = inspectImage(concatBytes(prefix, rest))
        if (result.ok) expect(result.width).toBeGreaterThan(0)
        else expect(result.reason.length).toBeGreaterThan(0)
      }),
      { numRuns: 3000 },
    )
  })
})
