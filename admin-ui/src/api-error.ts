import type { ErrorDetail } from '../../worker/lib/errors'

/**
 * A failed API call: the error envelope `{ error: { code, message, details } }` with
 * its HTTP status, or status 0 when the server could not be reached at all.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Headers = new Headers(),
  ) {
    super(message)
    this.name = 'ApiFailure'
  }

  /** Seconds from `Retry-After` (429 lock-outs), or null. */
  get retryAfterSeconds(): number | null {
    const value = Number(this.headers.get('Retry-After'))
    return Number.isFinite(value) && value > 0 ? value : null
  }

  static async from(res: Response): Promise<ApiFailure> {
    let body: unknown = null
    try {
      body = await res.json()
    } catch {
      // Not JSON (a proxy's HTML page): keep the status only.
    }
    const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error
    return new ApiFailure(
      res.status,
      typeof err?.code === 'string' ? err.code : 'http_error',
      typeof err?.message === 'string' ? err.message : res.statusText,
      Array.isArray(err?.details) ? (err.details as ErrorDetail[]) : [],
      res.headers,
    )
  }

  static network(cause: unknown): ApiFailure {
    return new ApiFailure(0, 'network', cause instanceof Error ? cause.message : String(cause))
  }
}
