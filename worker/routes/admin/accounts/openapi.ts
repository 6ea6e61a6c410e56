import * as v from 'valibot'
import type { GenericSchema } from 'valibot'
import { responses } from '../../public/openapi-helpers'

/**
 * OpenAPI responses of an admin route: the success body (none for 204) plus the
 * error envelope for 400, 401 and each listed failure.
 */
export function adminResponses(ok: GenericSchema | null, errors: Record<number, string> = {}, status: 200 | 201 | 204 = 200) {
  const { 200: success, ...failures } = responses(ok ?? v.null(), { 401: 'Not signed in, or the session or token has ended', ...errors })
  if (status === 204) return { ...failures, 204: { description: 'No content' } }
  return { ...failures, [status]: { ...success, description: status === 201 ? 'Created' : 'OK' } }
}
