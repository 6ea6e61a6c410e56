import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ValidationTargets } from 'hono'
import { validator } from 'hono-openapi'
import { ApiError } from '../lib/errors'

type Target = keyof ValidationTargets

const pathOf = (target: Target, issue: StandardSchemaV1.Issue) => {
  const keys = (issue.path ?? []).map((p) => (typeof p === 'object' && p !== null ? String(p.key) : String(p)))
  return [target, ...keys].join('.')
}

/**
 * Valibot validation for one part of the request, registered with hono-openapi so
 * the schema is published, and failing with the one 400 shape of the API:
 * `{ error: { code: 'validation_failed', details: [{ path: 'query.limit', message }] } }`.
 *
 * @example
 * app.get('/articles', validate('query', ArticleListQuery), (c) => c.req.valid('query'))
 */
export function validate<S extends StandardSchemaV1, T extends Target>(target: T, schema: S) {
  return validator(target, schema, (result) => {
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
}
