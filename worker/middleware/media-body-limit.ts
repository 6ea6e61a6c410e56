import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../lib/errors'
import { siteSettings } from '../lib/settings'

/**
 * Room for the multipart framing and the text fields around the file (alt,
 * caption and credit are at most 1,700 characters, under 7 KB as UTF-8).
 */
export const MULTIPART_OVERHEAD = 64 * 1024

export const uploadTooBig = (max: number) =>
  new ApiError(413, 'payload_too_large', `The file is over the upload limit of ${max} bytes (MEDIA_MAX_BYTES)`, [
    { path: 'form.file', message: `must be at most ${max} bytes` },
  ])

/**
 * Refuses a media upload over MEDIA_MAX_BYTES (plus the multipart framing) with a
 * 413: from Content-Length before a byte is read, or while the body streams in when
 * there is none. The route checks the file's own size once parsed.
 *
 * @example
 * uploads.post('/', mediaBodyLimit(), handler)
 */
export function mediaBodyLimit(): MiddlewareHandler {
  return async function mediaBodyLimit(c, next) {
    const max = siteSettings(c.env).mediaMaxBytes
    const limit = bodyLimit({
      maxSize: max + MULTIPART_OVERHEAD,
      onError: () => {
        throw uploadTooBig(max)
      },
    })
    return limit(c, next)
  }
}
