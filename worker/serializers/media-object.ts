import { formatHttpDate } from '../lib/http/http-date'
import type { Validators } from '../lib/http/preconditions'

/** What a stored file is known by in conditional requests: its strong ETag, Last-Modified to the second. */
export const mediaValidators = (object: R2Object): Validators => ({
  etag: { weak: false, opaque: object.etag },
  lastModified: Math.floor(object.uploaded.getTime() / 1000) * 1000,
})

/**
 * The headers every answer about a stored file carries (200, 206 and 304 alike):
 * its stored content headers, validators, a year of caching (keys are immutable)
 * and nosniff, so an uploaded file is never read as another type.
 */
export function mediaHeaders(object: R2Object): Headers {
  const headers = new Headers()
  object.writeHttpMetadata(headers)
  headers.set('ETag', object.httpEtag)
  headers.set('Last-Modified', formatHttpDate(object.uploaded.getTime()))
  headers.set('Cache-Control', 'public, max-age=31536000, immutable')
  headers.set('Accept-Ranges', 'bytes')
  headers.set('X-Content-Type-Options', 'nosniff')
  return headers
}

/**
 * A body of exactly `length` bytes with its Content-Length (null when R2 sent no
 * body: HEAD). Should R2 send any other length, the response errors instead of
 * going out mislabelled.
 */
export function mediaBody(object: R2Object | R2ObjectBody, length: number, headers: Headers): ReadableStream | null {
  headers.set('Content-Length', String(length))
  return 'body' in object ? object.body.pipeThrough(new FixedLengthStream(length)) : null
}
