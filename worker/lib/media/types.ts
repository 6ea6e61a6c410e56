/** The image types the media library accepts, by what their bytes say they are. */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif'

export const IMAGE_TYPES: Record<ImageType, { ext: string; contentType: string }> = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  gif: { ext: 'gif', contentType: 'image/gif' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  avif: { ext: 'avif', contentType: 'image/avif' },
}

/** Width and height in pixels, or why they could not be read. */
export type Dimensions = { width: number; height: number } | { reason: string }

/** Bytes `[from, from + length)` fit in `bytes`. */
export const fits = (bytes: Uint8Array, from: number, length: number) => from >= 0 && length >= 0 && from + length <= bytes.length

export const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!
export const u32be = (b: Uint8Array, i: number) => b[i]! * 0x1000000 + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!)
export const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
export const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)
export const u32le = (b: Uint8Array, i: number) => u24le(b, i) + b[i + 3]! * 0x1000000
export const ascii = (b: Uint8Array, i: number, n: number) => (fits(b, i, n) ? String.fromCharCode(...b.subarray(i, i + n)) : '')

/** Pixel sizes outside 1..MAX_SIDE are refused: no photo is 100,000 pixels wide. */
export const MAX_SIDE = 100_000

export function sized(width: number, height: number): Dimensions {
  if (!(width >= 1 && height >= 1)) return { reason: `its header gives a size of ${width}×${height} pixels` }
  if (width > MAX_SIDE || height > MAX_SIDE) return { reason: `its header gives ${width}×${height} pixels, over ${MAX_SIDE} on a side` }
  return { width, height }
}
