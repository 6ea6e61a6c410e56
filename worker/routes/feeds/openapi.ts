import { resolver, type DescribeRouteOptions } from 'hono-openapi'
import { ErrorBody } from '../../../schema/api/common'

/**
 * OpenAPI responses of a route that answers a document (XML, JSON Feed, text)
 * rather than the JSON envelope: the document's media type on 200, 304 for a
 * matching If-None-Match, and the error envelope for each failure status.
 */
export function documentResponses(mediaType: string, description: string, errors: Record<number, string> = {}) {
  const out: NonNullable<DescribeRouteOptions['responses']> = {
    200: { description, content: { [mediaType]: { schema: { type: 'string' as const } } } },
    304: { description: 'Not modified: the If-None-Match ETag is current' },
  }
  for (const [status, what] of Object.entries({ 400: 'Invalid parameters', ...errors })) {
    out[status] = { description: what, content: { 'application/json': { schema: resolver(ErrorBody) } } }
  }
  return out
}
