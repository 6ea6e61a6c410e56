import { fits, sized, u16be, type Dimensions } from './types'

/** SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
const isFrameHeader = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/** Whether the end-of-image marker FF D9 follows `from` (entropy-coded data never holds it: FF is stuffed). */
function hasEnd(b: Uint8Array, from: number) {
  for (let i = b.length - 2; i >= from; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return true
  return false
}

/**
 * A JPEG's size from its frame header, walking the segments after SOI; a file cut
 * short (no end-of-image marker after the frame) is refused.
 *
 * @example
 * jpegSize(bytes) // { width: 1600, height: 1067 }
 */
export function jpegSize(b: Uint8Array): Dimensions {
  let i = 2
  while (i < b.length) {
    if (b[i] !== 0xff) return { reason: `the JPEG has no segment marker at byte ${i}` }
    while (b[i] === 0xff) i++
    const marker = b[i]
    if (marker === undefined) break
    // Standalone markers (TEM, RST0..7) have no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i++
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return { reason: 'the JPEG has no frame header (SOF) before its image data' }
    if (!fits(b, i + 1, 2)) break
    const length = u16be(b, i + 1)
    if (length < 2) return { reason: `the JPEG has a segment of impossible length ${length}` }
    if (isFrameHeader(marker)) {
      if (length < 8 || !fits(b, i + 1, length)) break
      if (!hasEnd(b, i + 1 + length)) return { reason: 'the JPEG is cut short: no end-of-image marker' }
      return sized(u16be(b, i + 6), u16be(b, i + 4))
    }
    i += 1 + length
  }
  return { reason: 'the JPEG is cut short before its frame header' }
}
