import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ApiError, notFound } from '../lib/errors'

/** Keys are what the media library writes: path segments of safe characters. */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/

const badKey = () => new ApiError(400, 'bad_request', 'Invalid media key', [{ path: 'param.key', message: 'is not a media key' }])

/** The key of a `/media/{key}` URL, percent-decoded once; 400 for anything that is not a media key. */
function mediaKey(url: string): string {
  let key: string
  try {
    key = decodeURIComponent(new URL(url).pathname.slice('/media/'.length))
  } catch {
    throw badKey()
  }
  if (key.length > 512 || !KEY_PATTERN.test(key) || key.includes('..')) throw badKey()
  return key
}

/**
 * `GET /media/{key}`: a file from R2, streamed, with its stored content type, an
 * ETag, conditional requests (304) and byte ranges (206) handled by R2 itself.
 * Media keys never change content, so shared caches may keep them for a year.
 */
export const mediaRoutes = new Hono<{ Bindings: Env }>().get(
  '/media/*',
  describeRoute({
    tags: ['Media'],
    summary: 'A media file from R2',
    description: 'Supports If-None-Match (304) and Range (206). Cached for a year: keys are immutable.',
    responses: { 200: { description: 'The file' }, 206: { description: 'Part of the file' }, 304: { description: 'Not modified' }, 404: { description: 'No such file' } },
  }),
  async (c) => {
    const key = mediaKey(c.req.url)
    const object = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers, range: c.req.raw.headers })
    if (!object) throw notFound('Media file')
    const headers = new Headers()
    object.writeHttpMetadata(headers)
    headers.set('ETag', object.httpEtag)
    headers.set('Cache-Control', 'public, max-age=31536000, immutable')
    headers.set('Accept-Ranges', 'bytes')
    headers.set('X-Content-Type-Options', 'nosniff')
    if (!('body' in object)) return new Response(null, { status: 304, headers })
    const range = object.range as { offset: number; length: number } | undefined
    if (range && c.req.header('range')) {
      headers.set('Content-Range', `bytes ${range.offset}-${range.offset + range.length - 1}/${object.size}`)
      return new Response(object.body, { status: 206, headers })
    }
    return new Response(object.body, { status: 200, headers })
  },
)
