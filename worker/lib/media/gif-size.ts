import { fits, sized, u16le, type Dimensions } from './types'

/** Skips a run of data sub-blocks (length byte, data) ending with a 0 length; -1 if cut short. */
function skipSubBlocks(b: Uint8Array, i: number): number {
  while (i < b.length) {
    const n = b[i]!
    if (n === 0) return i + 1
    i += 1 + n
  }
  return -1
}

/** The bytes of a colour table announced by `flags` (bit 7 set: 3 × 2^(size+1)). */
const colorTable = (flags: number) => (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0)

/**
 * A GIF's logical screen size, after walking its blocks to the trailer (0x3B) so
 * that a file cut short is refused.
 *
 * @example
 * gifSize(bytes) // { width: 480, height: 270 }
 */
export function gifSize(b: Uint8Array): Dimensions {
  if (!fits(b, 0, 13)) return { reason: 'the GIF is cut short in its header' }
  let i = 13 + colorTable(b[10]!)
  while (i >= 0 && i < b.length) {
    const block = b[i]
    if (block === 0x3b) return sized(u16le(b, 6), u16le(b, 8))
    if (block === 0x21) i = skipSubBlocks(b, i + 2)
    else if (block === 0x2c) {
      if (!fits(b, i, 11)) break
      i = skipSubBlocks(b, i + 10 + colorTable(b[i + 9]!) + 1)
    } else return { reason: `the GIF has an unknown block 0x${block!.toString(16)} at byte ${i}` }
  }
  return { reason: 'the GIF is cut short: no trailer' }
}
