import { ApiError } from '../lib/errors'
import { requiredScope, type TokenScope } from '../services/auth/token-scopes'

const ADMIN_PREFIX = '/api/admin'

/**
 * Refuses a bearer request whose token lacks the scope its route needs
 * (services/auth/token-scopes.ts) with a 403 `insufficient_scope`, as RFC 6750
 * words it, naming the scope to ask for.
 *
 * @example
 * requireScope(token.scopes, c.req.method, c.req.path)
 */
export function requireScope(scopes: readonly TokenScope[], method: string, fullPath: string): void {
  const path = fullPath.startsWith(ADMIN_PREFIX) ? fullPath.slice(ADMIN_PREFIX.length) : fullPath
  const need = requiredScope(method, path)
  if (need === null || scopes.includes(need)) return
  throw new ApiError(403, 'forbidden', `This token lacks the scope "${need}"`, [{ path: 'header.authorization', message: `needs the scope ${need}` }], {
    'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${need}"`,
  })
}
