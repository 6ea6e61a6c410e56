import { ascii, fits, sized, u32be, type Dimensions } from './types'

/**
 * A PNG's size from its IHDR chunk, after walking every chunk to IEND so that a
 * file cut short is refused. (CRCs are not checked: a wrong one only means a
 * damaged picture, never a wrong type.)
 *
 * @example
 * pngSize(bytes) // { width: 800, height: 600 }
 */
export function pngSize(b: Uint8Array): Dimensions {
  if (!fits(b, 8, 25) || ascii(b, 12, 4) !== 'IHDR' || u32be(b, 8) !== 13) return { reason: 'the PNG has no IHDR chunk' }
  let i = 8
  while (fits(b, i, 12)) {
    const length = u32be(b, i)
    const type = ascii(b, i + 4, 4)
    if (!fits(b, i, 12 + length)) break
    if (type === 'IEND') return sized(u32be(b, 16), u32be(b, 20))
    i += 12 + length
  }
  return { reason: 'the PNG is cut short: no IEND chunk' }
}
