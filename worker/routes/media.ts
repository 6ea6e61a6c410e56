import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { contentRange, parseRange, resolveRange } from '../lib/http/byte-range'
import { evaluatePreconditions, ifRangeMatches, parseIfRange } from '../lib/http/preconditions'
import { ApiError, notFound } from '../lib/errors'
import { isMediaKey } from '../lib/media-key'
import { mediaBody, mediaHeaders, mediaValidators } from '../serializers/media-object'
import { discardBody, readMedia } from '../services/media/read-media'

const badKey = () => new ApiError(400, 'bad_request', 'Invalid media key', [{ path: 'param.key', message: 'is not a media key' }])

/** The key of a `/media/{key}` URL, percent-decoded once; 400 for anything that is not a media key. */
function mediaKey(url: string): string {
  let key: string
  try {
    key = decodeURIComponent(new URL(url).pathname.slice('/media/'.length))
  } catch {
    throw badKey()
  }
  if (!isMediaKey(key)) throw badKey()
  return key
}

/** The whole file (no body for HEAD). */
function whole(object: R2Object | R2ObjectBody, headers = mediaHeaders(object)): Response {
  return new Response(mediaBody(object, object.size, headers), { status: 200, headers })
}

const notSatisfiable = (size: number) =>
  new ApiError(416, 'range_not_satisfiable', `The requested range is outside the file (${size} bytes)`, [{ path: 'header.range', message: 'starts past the end of the file' }], {
    'Content-Range': `bytes */${size}`,
  })

/**
 * `GET /media/{key}` (and HEAD): a file from R2, streamed, with its stored content
 * type, ETag and Last-Modified, conditional requests (304, 412) and one byte range
 * (206, 416) handled here per RFC 9110 in one R2 call. Media keys never change
 * content, so shared caches may keep them for a year.
 */
export const mediaRoutes = new Hono<{ Bindings: Env }>().get(
  '/media/*',
  describeRoute({
    tags: ['Media'],
    summary: 'A media file from R2',
    description:
      'Supports HEAD, If-None-Match / If-Modified-Since (304), If-Match / If-Unmodified-Since (412), and one byte range with If-Range (206, 416; several ranges or a malformed Range get the whole file). Cached for a year: keys are immutable.',
    responses: {
      200: { description: 'The file' },
      206: { description: 'Part of the file' },
      304: { description: 'Not modified' },
      400: { description: 'Not a media key' },
      404: { description: 'No such file' },
      412: { description: 'If-Match or If-Unmodified-Since failed' },
      416: { description: 'The range starts past the end of the file' },
    },
  }),
  async (c) => {
    const key = mediaKey(c.req.url)
    const head = c.req.method === 'HEAD'
    const ifRangeValue = c.req.header('if-range')
    const ifRange = ifRangeValue === undefined ? undefined : parseIfRange(ifRangeValue)
    // Ranges are defined for GET only; an If-Range that can never match means the whole file.
    const range = head || ifRange === null ? null : parseRange(c.req.header('range'))
    const object = await readMedia(c.env.MEDIA, key, { head, range })
    if (!object) throw notFound('Media file')

    const current = mediaValidators(object)
    const headers = mediaHeaders(object)
    const verdict = evaluatePreconditions(c.req.raw.headers, current)
    if (verdict !== 'pass') discardBody(object)
    if (verdict === 304) return new Response(null, { status: 304, headers })
    if (verdict === 412) throw new ApiError(412, 'precondition_failed', 'The file does not meet the request’s If-Match or If-Unmodified-Since')

    if (range) {
      if (ifRange === undefined || (ifRange !== null && ifRangeMatches(ifRange, current))) {
        const part = resolveRange(range, object.size)
        if (!part) {
          discardBody(object)
          throw notSatisfiable(object.size)
        }
        headers.set('Content-Range', contentRange(part, object.size))
        return new Response(mediaBody(object, part.length, headers), { status: 206, headers })
      }
      // The file changed since the client's copy: the whole (new) file, not a part of it.
      discardBody(object)
      const fresh = await c.env.MEDIA.get(key)
      if (!fresh) throw notFound('Media file')
      return whole(fresh)
    }
    return whole(object, headers)
  },
)
