import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { Context, ValidationTargets } from 'hono'
import { validator } from 'hono-openapi'
import { isJsonObject } from '../../schema/api/common'
import { ApiError } from '../lib/errors'

type Target = keyof ValidationTargets

const pathOf = (target: Target, issue: StandardSchemaV1.Issue) => {
  const keys = (issue.path ?? []).map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
  return [target, ...keys].join('.')
}

/** The media types Hono's validator reads as JSON (others leave the `json` target `{}`). */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i

/**
 * Refuses a JSON body that is not an object (an array, a string, a number, null)
 * before any schema sees it: valibot's object schemas let `[]` through, since an
 * array has no unknown keys. Malformed JSON is left to the validator's own 400.
 */
async function refuseNonObjectBody(c: Context) {
  const media = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim()
  if (!JSON_MEDIA.test(media)) return
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return
  }
  if (!isJsonObject(body)) {
    throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: 'body', message: 'must be a JSON object' }])
  }
}

/**
 * Valibot validation for one part of the request, registered with hono-openapi so
 * the schema is published, and failing with the one 400 shape of the API:
 * `{ error: { code: 'validation_failed', details: [{ path: 'query.limit', message }] } }`.
 * A `json` body must be a JSON object (path `body` otherwise).
 *
 * @example
 * app.get('/articles', validate('query', ArticleListQuery), (c) => c.req.valid('query'))
 */
export function validate<S extends StandardSchemaV1, T extends Target>(target: T, schema: S) {
  const check = validator(target, schema, (result) => {
    if (!result.success) {
      const issues = result.error as readonly StandardSchemaV1.Issue[]
      const details = issues.map((issue) => {
        // An unknown key in a strict object: name the key, not its value.
        const message = /^Invalid key/.test(issue.message) ? 'is not a known parameter' : issue.message
        return { path: pathOf(target, issue), message }
      })
      throw new ApiError(400, 'validation_failed', `Invalid ${target === 'json' ? 'body' : target}`, details)
    }
  })
  if (target !== 'json') return check
  const objectFirst: typeof check = async function validateJson(c, next) {
    await refuseNonObjectBody(c)
    return check(c, next)
  }
  // Object.assign carries over hono-openapi's registration (a symbol-keyed property) so the body is still documented.
  return Object.assign(objectFirst, check)
}
