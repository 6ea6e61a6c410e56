/**
 * Shapes shared by every endpoint: the JSON envelope, errors, ids and list queries.
 * Every request and response body of the API is declared with valibot here and
 * published as OpenAPI from the same schemas.
 */
import * as v from 'valibot'

/** A JSON object: not null, not an array (valibot's object schemas let `[]` through). */
export const isJsonObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

export const ErrorDetail = v.object({ path: v.string(), message: v.string() })

export const ErrorBody = v.pipe(
  v.object({
    error: v.object({
      code: v.string(),
      message: v.string(),
      details: v.array(ErrorDetail),
    }),
  }),
  v.metadata({ ref: 'Error' }),
)

/** `{ data: T }` */
export const dataOf = <T extends v.GenericSchema>(item: T) => v.object({ data: item })

/** `{ data: T[], next_cursor: string | null }` */
export const listOf = <T extends v.GenericSchema>(item: T) =>
  v.object({ data: v.array(item), next_cursor: v.nullable(v.string()) })

/** A positive integer id from a path segment. */
export const IdParam = v.object({
  id: v.pipe(
    v.string(),
    v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'),
    v.transform(Number),
    v.number(),
    v.maxValue(Number.MAX_SAFE_INTEGER),
  ),
})

/** A slug from a path segment: validated for shape and length before any lookup. */
export const SlugParam = v.object({
  slug: v.pipe(
    v.string(),
    v.maxLength(200, 'is longer than 200 characters'),
    v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by hyphens'),
  ),
})

/** `limit`: 1..100, default 20. */
export const LimitQuery = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^[0-9]{1,3}$/, 'must be a whole number from 1 to 100'),
    v.transform(Number),
    v.number(),
    v.minValue(1, 'must be at least 1'),
    v.maxValue(100, 'must be at most 100'),
  ),
  '20',
)

/** An opaque cursor from a previous page's `next_cursor`. */
export const CursorQuery = v.optional(
  v.pipe(v.string(), v.maxLength(512, 'is not a cursor from this API'), v.regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor from this API')),
)

/** A taxonomy slug used as a filter. */
export const SlugFilter = v.optional(
  v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters'), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug')),
)

/** An ISO 8601 instant with a zone (`Z` or an offset), normalized to UTC. */
export const InstantQuery = v.optional(
  v.pipe(
    v.string(),
    v.isoTimestamp('must be an ISO 8601 time with a zone, e.g. 2017-04-18T09:35:00+07:00'),
    v.transform((s) => new Date(s).toISOString()),
  ),
)
