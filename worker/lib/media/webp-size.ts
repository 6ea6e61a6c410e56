import { ascii, fits, sized, u16le, u24le, u32le, type Dimensions } from './types'

/**
 * A WebP's size from its first chunk: VP8 (lossy frame header), VP8L (lossless
 * header) or VP8X (extended: canvas size). The RIFF header's length must fit in
 * the file, so a file cut short is refused.
 *
 * @example
 * webpSize(bytes) // { width: 1200, height: 800 }
 */
export function webpSize(b: Uint8Array): Dimensions {
  if (!fits(b, 0, 20) || !fits(b, 0, 8 + u32le(b, 4))) return { reason: 'the WebP is cut short (shorter than its RIFF header says)' }
  const chunk = ascii(b, 12, 4)
  if (!fits(b, 20, u32le(b, 16))) return { reason: `the WebP's ${chunk.trim()} chunk is cut short` }
  if (chunk === 'VP8 ') {
    if (!fits(b, 20, 10) || b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { reason: 'the WebP VP8 chunk has no frame header' }
    return sized(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff)
  }
  if (chunk === 'VP8L') {
    if (!fits(b, 20, 5) || b[20] !== 0x2f) return { reason: 'the WebP VP8L chunk has no lossless header' }
    const width = 1 + (((b[22]! & 0x3f) << 8) | b[21]!)
    const height = 1 + (((b[24]! & 0x0f) << 10) | (b[23]! << 2) | ((b[22]! & 0xc0) >> 6))
    return sized(width, height)
  }
  if (chunk === 'VP8X') {
    if (!fits(b, 20, 10)) return { reason: 'the WebP VP8X chunk is cut short' }
    return sized(1 + u24le(b, 24), 1 + u24le(b, 27))
  }
  return { reason: `the WebP starts with an unknown chunk "${chunk}"` }
}
