import { avifSize } from './avif-size'
import { gifSize } from './gif-size'
import { jpegSize } from './jpeg-size'
import { pngSize } from './png-size'
import { sniffImage } from './sniff'
import { IMAGE_TYPES, type Dimensions, type ImageType } from './types'
import { webpSize } from './webp-size'

export type { ImageType } from './types'

/** An accepted image, or why not: 415 not an accepted type, 422 its size cannot be read (damaged, cut short). */
export type Inspection =
  | { ok: true; type: ImageType; ext: string; contentType: string; width: number; height: number }
  | { ok: false; status: 415 | 422; reason: string }

const SIZE_OF: Record<ImageType, (b: Uint8Array) => Dimensions> = { jpeg: jpegSize, png: pngSize, gif: gifSize, webp: webpSize, avif: avifSize }

/**
 * What an uploaded file is, from its bytes alone: type, extension, content type,
 * width and height. Never throws: any input gives an answer or a refusal.
 *
 * @example
 * inspectImage(bytes) // { ok: true, type: 'png', ext: 'png', contentType: 'image/png', width: 800, height: 600 }
 * inspectImage(html) // { ok: false, status: 415, reason: 'looks like HTML/SVG text' }
 */
export function inspectImage(bytes: Uint8Array): Inspection {
  const sniffed = sniffImage(bytes)
  if ('reason' in sniffed) return { ok: false, status: 415, reason: sniffed.reason }
  const size = SIZE_OF[sniffed.type](bytes)
  if ('reason' in size) return { ok: false, status: 422, reason: size.reason }
  return { ok: true, type: sniffed.type, ...IMAGE_TYPES[sniffed.type], ...size }
}
