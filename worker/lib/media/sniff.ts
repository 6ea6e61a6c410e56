import { ascii, fits, u32be, type ImageType } from './types'

export type Sniffed = { type: ImageType } | { reason: string }

/** The ISO-BMFF brands that make an `ftyp` file an AVIF image (avis: an image sequence). */
const AVIF_BRANDS = new Set(['avif', 'avis'])

/** The brands an `ftyp` box lists: its major brand and the compatible ones. */
export function ftypBrands(b: Uint8Array): string[] | null {
  if (ascii(b, 4, 4) !== 'ftyp' || !fits(b, 0, 16)) return null
  const size = Math.min(u32be(b, 0), b.length)
  const brands = [ascii(b, 8, 4)]
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(b, i, 4))
  return brands
}

/** What the start of a non-image looks like, for the refusal message. */
function describe(b: Uint8Array): string {
  if (b.length === 0) return 'the file is empty'
  const brands = ftypBrands(b)
  if (brands) return `an ISO media file of brand "${brands[0]!.trim()}", not AVIF`
  if (ascii(b, 0, 4) === 'RIFF') return `a RIFF file of type "${ascii(b, 8, 4)}", not WebP`
  if (ascii(b, 0, 5) === '%PDF-') return 'a PDF document'
  if (ascii(b, 0, 4) === 'PK\x03\x04') return 'a ZIP archive'
  const head = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart()
  const printable = !/[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(head)
  if (printable && /^</.test(head)) return /<svg[\s>]/i.test(head) ? 'looks like SVG text' : 'looks like HTML/SVG text'
  if (printable) return 'looks like plain text'
  return 'unknown binary format'
}

/**
 * The image type from the file's first bytes only (never its name or the client's
 * Content-Type), or why it is not one of the accepted types.
 *
 * @example
 * sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // { type: 'jpeg' }
 * sniffImage(new TextEncoder().encode('<svg …')) // { reason: 'looks like SVG text' }
 */
export function sniffImage(b: Uint8Array): Sniffed {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return { type: 'jpeg' }
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return { type: 'png' }
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return { type: 'gif' }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return { type: 'webp' }
  if (ftypBrands(b)?.some((brand) => AVIF_BRANDS.has(brand))) return { type: 'avif' }
  return { reason: describe(b) }
}
