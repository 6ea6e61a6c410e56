/**
 * Request pieces shared by the admin API: ids in bodies, instants, optimistic
 * concurrency (`If-Match`) and the staff-facing shape of a timestamp.
 */
import * as v from 'valibot'
import { isJsonObject } from './common'

/** A positive integer id in a JSON body. */
export const BodyId = v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(1, 'must be a positive id'))

/** An ISO 8601 instant with a zone in a JSON body, normalized to the stored UTC form. */
export const BodyInstant = v.pipe(
  v.string(),
  v.isoTimestamp('must be an ISO 8601 time with a zone, e.g. 2017-04-18T09:35:00+07:00'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a real date'),
  v.transform((s) => new Date(s).toISOString()),
)

/** Optional trimmed text up to `max` characters. */
export const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`))

/** A required, trimmed, non-empty line of text. */
export const Line = (max: number) => v.pipe(Text(max), v.minLength(1, 'must not be empty'))

/** An absolute http(s) URL. */
export const HttpUrl = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(2000, 'must be at most 2000 characters'),
  v.url('must be an absolute URL'),
  v.regex(/^https?:\/\//i, 'must be an http or https URL'),
)

/** A slug typed by an editor. */
export const SlugInput = v.pipe(
  v.string(),
  v.maxLength(96, 'must be at most 96 characters'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by hyphens'),
)

/**
 * `If-Match: 7` or `If-Match: "7"` (a weak `W/"7"` too): the version from the
 * ETag, for every versioned write (staff accounts, articles, taxonomies). Missing
 * is allowed by the schema so the route can answer 428 rather than 400.
 */
export const IfMatchHeader = v.object({
  'if-match': v.optional(
    v.pipe(
      v.string(),
      v.regex(/^(?:W\/)?"?[1-9][0-9]{0,9}"?$/, 'must be the version from the ETag, e.g. "3"'),
      v.transform((s) => Number(s.replace(/\D/g, ''))),
    ),
  ),
})

type AllOptional<T extends v.ObjectEntries> = { [K in keyof T]: v.OptionalSchema<T[K], undefined> }

/** The same entries, each optional: the body of a PATCH, or a create's optional fields. */
export const optionalAll = <T extends v.ObjectEntries>(entries: T) =>
  Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(s)])) as AllOptional<T>

/**
 * An object inside a JSON body (an article's cover, its seo): exactly these keys,
 * and an object, not an array. valibot's object schemas let an array through (`[]`
 * has no unknown keys); `validate('json', …)` refuses a non-object body itself, so
 * bodies are plain `v.strictObject`s and only nested objects need this.
 */
export const objectField = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(v.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object'), v.strictObject(entries))

/**
 * A PATCH body: any of the fields, at least one, nothing else (a key that is not
 * editable is a 400, never silently ignored).
 */
export const patchOf = <T extends v.ObjectEntries>(entries: T) =>
  v.pipe(
    v.strictObject(optionalAll(entries)),
    v.check((o) => Object.keys(o).length > 0, 'must change at least one field'),
  )
