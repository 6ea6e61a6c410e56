import type { ContentfulStatusCode } from 'hono/utils/http-status'

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'media_in_use'
  | 'gone'
  | 'precondition_failed'
  | 'precondition_required'
  | 'range_not_satisfiable'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'internal_error'

export interface ErrorDetail {
  /** Where the problem is: `query.limit`, `body.title`, `header.if-match`. */
  path: string
  message: string
}

/**
 * The one error type the app throws on purpose. `app.onError` turns it into the
 * JSON envelope `{ error: { code, message, details } }` with its status.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'No published article with that slug')
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    /** More members of the `error` object (e.g. `used_by` of a 409 media_in_use). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`)
