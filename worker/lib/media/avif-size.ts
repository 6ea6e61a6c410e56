import { ascii, fits, sized, u32be, type Dimensions } from './types'

interface Box {
  type: string
  /** Where the box's payload starts and where the box ends. */
  start: number
  end: number
}

/** The boxes in `[from, to)`, or null when one runs past `to` (a file cut short). */
function boxes(b: Uint8Array, from: number, to: number): Box[] | null {
  const out: Box[] = []
  let i = from
  while (i < to) {
    if (i + 8 > to) return null
    let size = u32be(b, i)
    let header = 8
    if (size === 1) {
      if (!fits(b, i, 16) || u32be(b, i + 8) !== 0) return null
      size = u32be(b, i + 12)
      header = 16
    } else if (size === 0) size = to - i
    if (size < header || i + size > to) return null
    out.push({ type: ascii(b, i + 4, 4), start: i + header, end: i + size })
    i += size
  }
  return out
}

const child = (b: Uint8Array, parent: Box | undefined, type: string, fullBox = false) =>
  parent && boxes(b, parent.start + (fullBox ? 4 : 0), parent.end)?.find((x) => x.type === type)

/**
 * An AVIF's size from the image spatial extents (`ispe`) in meta/iprp/ipco; the
 * largest one when there are several (alpha planes and thumbnails are not larger
 * than the image). Every top-level box must fit and the media data box (`mdat`)
 * be there, so a file cut short is refused.
 *
 * @example
 * avifSize(bytes) // { width: 1600, height: 900 }
 */
export function avifSize(b: Uint8Array): Dimensions {
  const top = boxes(b, 0, b.length)
  if (!top) return { reason: 'the AVIF is cut short (a box runs past the end of the file)' }
  if (!top.some((x) => x.type === 'mdat')) return { reason: 'the AVIF has no media data (mdat) box' }
  const ipco = child(b, child(b, top.find((x) => x.type === 'meta'), 'iprp', true), 'ipco')
  const extents = (ipco ? (boxes(b, ipco.start, ipco.end) ?? []) : []).filter((x) => x.type === 'ispe' && x.end - x.start >= 12)
  if (extents.length === 0) return { reason: 'the AVIF has no image size (ispe) property' }
  const sizes = extents.map((x) => ({ width: u32be(b, x.start + 4), height: u32be(b, x.start + 8) }))
  const largest = sizes.reduce((a, s) => (s.width * s.height > a.width * a.height ? s : a))
  return sized(largest.width, largest.height)
}
