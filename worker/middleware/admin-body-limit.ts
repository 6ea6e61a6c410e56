import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_BODY_HTML } from '../../schema/api/admin-articles'
import { ApiError } from '../lib/errors'

/**
 * The largest admin request body: an article at its longest body (MAX_BODY_HTML
 * characters, each at most 6 bytes once JSON-escaped) plus every other field,
 * rounded up. Bigger bodies never reach the JSON parser, so no request can make an
 * isolate hold tens of megabytes (Workers: 128 MB per isolate).
 */
export const ADMIN_BODY_LIMIT = 2 << 20

/**
 * Refuses an admin request body over ADMIN_BODY_LIMIT bytes with a 413 in the JSON
 * error envelope, counted as it streams in (a missing or false Content-Length does
 * not get past it). Requests `except` picks (media uploads, which have their own
 * limit: middleware/media-body-limit.ts) are let through unread.
 *
 * @example
 * adminApi.use('*', adminBodyLimit({ except: isMediaUpload }))
 */
export function adminBodyLimit(options: { except?: (c: Context) => boolean } = {}): MiddlewareHandler {
  if (MAX_BODY_HTML * 6 > ADMIN_BODY_LIMIT) throw new Error('ADMIN_BODY_LIMIT is below the longest valid article')
  const limit = bodyLimit({
    maxSize: ADMIN_BODY_LIMIT,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is over ${ADMIN_BODY_LIMIT} bytes`, [
        { path: 'body', message: `must be at most ${ADMIN_BODY_LIMIT} bytes` },
      ])
    },
  })
  return async function adminBodyLimit(c, next) {
    return options.except?.(c) ? next() : limit(c, next)
  }
}
