/**
 * Small, real images of every type the media library accepts, generated in code for
 * any width and height: PNG (zlib deflate through CompressionStream, real CRCs), GIF
 * (a valid LZW stream), baseline JPEG (a flat grey frame, real Huffman-coded
 * blocks), lossless WebP (VP8L whose one-symbol prefix codes paint a flat colour)
 * and AVIF (ftyp, meta with ispe, mdat: the boxes a reader needs, not decodable
 * AV1). Web APIs and Uint8Array only, so they run in workerd and in Node alike.
 * `variant` (0 to 2^24 - 1) changes the bytes (colour, a comment) so two images of one size differ.
 *
 * @example
 * const png = await imageBytes('png', { width: 800, height: 600 })
 * const jpeg = await imageBytes('jpeg', { width: 1600, height: 1067, variant: 2 })
 */
export type TestImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif'

export interface ImageSpec {
  width: number
  height: number
  /** Any whole number; different variants give different bytes. */
  variant?: number
}

export const TEST_IMAGE_TYPES: TestImageType[] = ['jpeg', 'png', 'gif', 'webp', 'avif']
export const CONTENT_TYPES: Record<TestImageType, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif' }
export const EXTENSIONS: Record<TestImageType, string> = { jpeg: 'jpg', png: 'png', gif: 'gif', webp: 'webp', avif: 'avif' }

const text = (s: string) => new TextEncoder().encode(s)
const be16 = (n: number) => [(n >> 8) & 255, n & 255]
const be32 = (n: number) => [(n >>> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255]
const le16 = (n: number) => [n & 255, (n >> 8) & 255]
const le32 = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >>> 24) & 255]

export function concatBytes(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let i = 0
  for (const p of parts) {
    out.set(p, i)
    i += p.length
  }
  return out
}

/** Bits written least significant first (GIF LZW, WebP VP8L). */
class LsbBits {
  bytes: number[] = []
  private acc = 0
  private n = 0
  write(value: number, bits: number) {
    for (let i = 0; i < bits; i++) {
      this.acc |= ((value >> i) & 1) << this.n
      if (++this.n === 8) this.flush()
    }
  }
  flush() {
    if (this.n > 0) this.bytes.push(this.acc)
    this.acc = 0
    this.n = 0
    return this.bytes
  }
}

/** A different colour for each variant below 2^24. */
const colour = (variant: number) => [((variant >> 16) & 255) ^ 40, ((variant >> 8) & 255) ^ 90, (variant & 255) ^ 160] as const

// ---- PNG ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const pngChunk = (type: string, data: Uint8Array) => {
  const body = concatBytes(text(type), data)
  return concatBytes(be32(data.length), body, be32(crc32(body)))
}
async function deflate(raw: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}
export async function pngBytes({ width, height, variant = 0 }: ImageSpec): Promise<Uint8Array> {
  const row = [0, ...Array.from({ length: width }, () => colour(variant)).flat()]
  const raw = new Uint8Array(row.length * height)
  for (let y = 0; y < height; y++) raw.set(row, y * row.length)
  const ihdr = new Uint8Array([...be32(width), ...be32(height), 8, 2, 0, 0, 0])
  return concatBytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], pngChunk('IHDR', ihdr), pngChunk('IDAT', await deflate(raw)), pngChunk('IEND', new Uint8Array()))
}

// ---- GIF: 2-colour palette, every pixel colour 0 ----
export function gifBytes({ width, height, variant = 0 }: ImageSpec): Uint8Array {
  // LZW, minimum code size 2: clear = 4, end = 5. A clear code every two pixels keeps
  // the table below 8 entries, so every code stays 3 bits wide.
  const bits = new LsbBits()
  for (let left = width * height; left > 0; left -= 2) {
    bits.write(4, 3)
    bits.write(0, 3)
    if (left > 1) bits.write(0, 3)
  }
  bits.write(5, 3)
  const lzw = bits.flush()
  const blocks: number[] = []
  for (let i = 0; i < lzw.length; i += 255) {
    const part = lzw.slice(i, i + 255)
    blocks.push(part.length, ...part)
  }
  const comment = text(`variant ${variant}`)
  return concatBytes(
    text('GIF89a'), le16(width), le16(height), [0x80, 0, 0], [...colour(variant), 0, 0, 0],
    [0x21, 0xfe, comment.length], comment, [0],
    [0x2c, 0, 0, 0, 0, ...le16(width), ...le16(height), 0, 2], blocks, [0, 0x3b],
  )
}

// ---- JPEG: baseline, one grey component at level 128 (every DC difference 0) ----
const segment = (marker: number, body: number[] | Uint8Array) => concatBytes([0xff, marker], be16(body.length + 2), body)
export function jpegBytes({ width, height, variant = 0 }: ImageSpec): Uint8Array {
  const oneCode = (tableClass: number) => [tableClass, 1, ...new Array(15).fill(0), 0]
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8)
  // Each block: DC category 0 (code "0"), then end-of-block (code "0"); pad with 1s.
  const scan = new Uint8Array(Math.ceil((blocks * 2) / 8))
  const padBits = scan.length * 8 - blocks * 2
  if (padBits > 0) scan[scan.length - 1] = (1 << padBits) - 1
  return concatBytes(
    [0xff, 0xd8],
    segment(0xe0, [...text('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    segment(0xfe, text(`variant ${variant}`)),
    segment(0xdb, [0, ...new Array(64).fill(1)]),
    segment(0xc0, [8, ...be16(height), ...be16(width), 1, 1, 0x11, 0]),
    segment(0xc4, oneCode(0x00)),
    segment(0xc4, oneCode(0x10)),
    segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    scan,
    [0xff, 0xd9],
  )
}

// ---- WebP: VP8L lossless; one-symbol prefix codes cost 0 bits a pixel ----
export function webpBytes({ width, height, variant = 0 }: ImageSpec): Uint8Array {
  const bits = new LsbBits()
  bits.write(0x2f, 8)
  bits.write(width - 1, 14)
  bits.write(height - 1, 14)
  bits.write(0, 1) // alpha unused
  bits.write(0, 3) // version 0
  bits.write(0, 1) // no transform
  bits.write(0, 1) // no colour cache
  bits.write(0, 1) // no meta prefix codes
  const [r, g, b] = colour(variant)
  for (const symbol of [g, r, b, 255, 0]) {
    bits.write(1, 1) // simple code
    bits.write(0, 1) // one symbol
    bits.write(1, 1) // 8-bit symbol
    bits.write(symbol, 8)
  }
  const data = bits.flush()
  const chunk = concatBytes(text('VP8L'), le32(data.length), data, data.length % 2 ? [0] : [])
  return concatBytes(text('RIFF'), le32(4 + chunk.length), text('WEBP'), chunk)
}

// ---- AVIF: the ISO-BMFF boxes a reader needs ----
const box = (type: string, ...payload: (Uint8Array | number[])[]) => {
  const body = concatBytes(...payload)
  return concatBytes(be32(body.length + 8), text(type), body)
}
const fullBox = (type: string, ...payload: (Uint8Array | number[])[]) => box(type, [0, 0, 0, 0], ...payload)
export function avifBytes({ width, height, variant = 0 }: ImageSpec): Uint8Array {
  return concatBytes(
    box('ftyp', text('avif'), be32(0), text('avifmif1miaf')),
    fullBox(
      'meta',
      fullBox('hdlr', be32(0), text('pict'), new Array(12).fill(0), [0]),
      fullBox('pitm', be16(1)),
      box('iprp', box('ipco', fullBox('ispe', be32(width), be32(height))), fullBox('ipma', be32(1), be16(1), [1, 0x81])),
    ),
    box('mdat', text(`variant ${variant}`)),
  )
}

/** An image of `type` (PNG is async: it deflates through CompressionStream). */
export async function imageBytes(type: TestImageType, spec: ImageSpec): Promise<Uint8Array> {
  if (type === 'png') return pngBytes(spec)
  return { jpeg: jpegBytes, gif: gifBytes, webp: webpBytes, avif: avifBytes }[type](spec)
}
