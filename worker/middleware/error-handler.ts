import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiError, type ErrorCode, type ErrorDetail } from '../lib/errors'

const CODES: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  412: 'precondition_failed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'too_many_requests',
}

const envelope = (c: Context, status: ContentfulStatusCode, code: string, message: string, details: ErrorDetail[] = [], extra: Record<string, unknown> = {}) =>
  c.json({ error: { ...extra, code, message, details } }, status)

/**
 * Every failure leaves as the JSON error envelope of DESIGN.md: an ApiError with its
 * own status and code, a Hono HTTPException (malformed JSON, wrong content type…)
 * mapped to its code, anything else as a 500 that reveals nothing.
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value)
    return envelope(c, err.status, err.code, err.message, err.details, err.extra)
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode
    const message = err.message || (status === 401 ? 'Authentication required' : 'Bad request')
    return envelope(c, status, CODES[status] ?? (status < 500 ? 'bad_request' : 'internal_error'), message)
  }
  console.error(JSON.stringify({ level: 'error', msg: 'unhandled', path: c.req.path, error: String(err), stack: (err as Error)?.stack }))
  return envelope(c, 500, 'internal_error', 'Something went wrong on our side; it has been logged')
}

export const onNotFound: NotFoundHandler = (c) => envelope(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`)
