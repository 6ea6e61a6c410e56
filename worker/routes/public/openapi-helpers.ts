import type { GenericSchema } from 'valibot'
import { resolver } from 'hono-openapi'
import { ErrorBody } from '../../../schema/api/common'

const json = (schema: GenericSchema) => ({ 'application/json': { schema: resolver(schema) } })

/** OpenAPI responses: the success body plus the error envelope for each failure status. */
export function responses(ok: GenericSchema, errors: Record<number, string> = {}) {
  const out: Record<string, { description: string; content?: ReturnType<typeof json> }> = {
    200: { description: 'OK', content: json(ok) },
  }
  for (const [status, description] of Object.entries({ 400: 'Invalid parameters or body: the request does not fit its schema (malformed JSON, a wrong type, a value out of range, an unknown field)', ...errors })) {
    out[status] = { description, content: json(ErrorBody) }
  }
  return out
}
