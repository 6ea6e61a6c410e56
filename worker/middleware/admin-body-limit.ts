import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { MAX_BODY_HTML } from '../../schema/api/admin-articles'
import { ApiError } from '../lib/errors'

/** The default limit of an admin JSON body (1 MiB): every route but the two below. */
export const JSON_BODY_LIMIT = 1 << 20

/**
 * The limit of an article create or edit: its longest body (MAX_BODY_HTML
 * characters, each at most 6 bytes once JSON-escaped) plus every other field,
 * rounded up. Bigger bodies never reach the JSON parser, so no request can make an
 * isolate hold tens of megabytes (Workers: 128 MB per isolate).
 */
export const ARTICLE_BODY_LIMIT = 2 << 20

/**
 * The limit of an archive import (`POST /api/admin/imports`, NDJSON): 10 MiB, with
 * at most 500 lines (services/archive/import-lines.ts), e.g. 500 articles of
 * 20 KB. Bigger archives go in several requests (the WordPress CLI sends chunks).
 */
export const IMPORT_BODY_LIMIT = 10 << 20

/** Kept for callers that name the largest admin JSON body. */
export const ADMIN_BODY_LIMIT = ARTICLE_BODY_LIMIT

/** `POST /api/admin/articles` and `PATCH /api/admin/articles/{id}`: the only routes that carry a body_html. */
const isArticleWrite = (c: Context) =>
  (c.req.method === 'POST' && /^\/api\/admin\/articles\/?$/.test(c.req.path)) || (c.req.method === 'PATCH' && /^\/api\/admin\/articles\/[^/]+\/?$/.test(c.req.path))

const isImport = (c: Context) => c.req.method === 'POST' && /^\/api\/admin\/imports\/?$/.test(c.req.path)

const tooLarge = (limit: number) => () => {
  throw new ApiError(413, 'payload_too_large', `The request body is over ${limit} bytes`, [{ path: 'body', message: `must be at most ${limit} bytes` }])
}

const limited = (limit: number) => bodyLimit({ maxSize: limit, onError: tooLarge(limit) })

/**
 * Refuses an admin request body over the route's limit (JSON_BODY_LIMIT,
 * ARTICLE_BODY_LIMIT for an article create or edit, IMPORT_BODY_LIMIT for an import) with a 413 in the JSON error
 * envelope: from Content-Length before a byte is read, or counted as the body
 * streams in without one (the whole body is read here, before any route parses it).
 * Requests `except` picks (media uploads, which have their own limit:
 * middleware/media-body-limit.ts) are let through unread.
 *
 * @example
 * adminApi.use('*', adminBodyLimit({ except: isMediaUpload }))
 */
export function adminBodyLimit(options: { except?: (c: Context) => boolean } = {}): MiddlewareHandler {
  if (MAX_BODY_HTML * 6 > ARTICLE_BODY_LIMIT) throw new Error('ARTICLE_BODY_LIMIT is below the longest valid article')
  const json = limited(JSON_BODY_LIMIT)
  const article = limited(ARTICLE_BODY_LIMIT)
  const archive = limited(IMPORT_BODY_LIMIT)
  return async function adminBodyLimit(c, next) {
    if (options.except?.(c)) return next()
    return (isImport(c) ? archive : isArticleWrite(c) ? article : json)(c, next)
  }
}
