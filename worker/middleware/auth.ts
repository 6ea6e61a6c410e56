import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Role } from '../../schema/database'
import { ApiError } from '../lib/errors'
import type { AppEnv } from './database'
import { clearedSessionCookie, SESSION_COOKIE, SESSION_TOKEN_PATTERN } from '../lib/session-cookie'
import { authenticateAccessToken } from '../services/auth/access-tokens'
import { authenticateSession } from '../services/auth/sessions'
import type { Actor, StaffUser } from '../services/auth/staff'
import { clientInfo } from '../lib/client-info'
import { requireScope } from './token-scope'

export type { StaffUser } from '../services/auth/staff'

/** Hono env of every admin route: the signed-in user and how they signed in. */
export type AdminEnv = {
  Bindings: Env
  Variables: AppEnv['Variables'] & {
    user: StaffUser
    authMethod: 'cookie' | 'token'
    /** The session behind a cookie request; null for bearer tokens. */
    sessionId: number | null
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const unauthorized = (message: string, headers: Record<string, string> = {}) =>
  new ApiError(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer', ...headers })

/**
 * Lets a request through only for an active staff member, signed in with the
 * `tin_session` cookie or an `Authorization: Bearer tin_pat_…` personal access
 * token. A cookie request that changes something must also carry an `Origin` equal
 * to the API's own origin (CSRF); bearer requests cannot be forged by a browser and
 * skip that check, but need the scope the route asks for (token-scope.ts).
 * Admin answers are never cached.
 *
 * @example
 * adminRoutes.use('*', requireStaff()).post('/tags', requireRole('admin', 'editor'), handler)
 */
export function requireStaff(): MiddlewareHandler<AdminEnv> {
  return async function requireStaff(c, next) {
    const db = c.var.db
    const authorization = c.req.header('Authorization')
    if (authorization !== undefined) {
      const bearer = /^Bearer +([A-Za-z0-9_-]{1,200})$/.exec(authorization.trim())
      const token = bearer ? await authenticateAccessToken(db, bearer[1]!) : null
      if (!token) throw unauthorized('The bearer token is invalid, expired or revoked')
      requireScope(token.scopes, c.req.method, c.req.path)
      c.set('user', token.user)
      c.set('authMethod', 'token')
      c.set('sessionId', null)
    } else {
      const token = getCookie(c, SESSION_COOKIE)
      if (!token) throw unauthorized('Sign in first')
      const auth = SESSION_TOKEN_PATTERN.test(token) ? await authenticateSession(db, token) : null
      if (!auth) throw unauthorized('Your session has ended; sign in again', { 'Set-Cookie': clearedSessionCookie() })
      if (!SAFE_METHODS.has(c.req.method) && c.req.header('Origin') !== new URL(c.req.url).origin) {
        throw new ApiError(403, 'forbidden', 'Cross-site request refused: the Origin header must be this site', [
          { path: 'header.origin', message: 'must equal the origin of the admin API' },
        ])
      }
      c.set('user', auth.user)
      c.set('authMethod', 'cookie')
      c.set('sessionId', auth.sessionId)
    }
    await next()
    c.header('Cache-Control', 'no-store')
  }
}

/**
 * Lets the request through only when the signed-in user has one of `roles`
 * (after `requireStaff()`).
 *
 * @example
 * users.post('/', requireRole('admin'), handler)
 */
export function requireRole(...roles: Role[]): MiddlewareHandler<AdminEnv> {
  return async function requireRole(c, next) {
    if (!roles.includes(c.get('user').role)) {
      throw new ApiError(403, 'forbidden', `This needs the role ${roles.join(' or ')}`)
    }
    await next()
  }
}

/**
 * The signed-in user, their role and IP, as the actor services record and check:
 * the `actor` of an audit entry and the subject of the editorial rules.
 *
 * @example
 * await updateArticle(db, c.env.DB, id, version, c.req.valid('json'), actorOf(c), siteSettings(c.env))
 */
export function actorOf(c: Context<AdminEnv>): Actor {
  const { id, role } = c.get('user')
  return { id, role, ip: clientInfo(c).ip }
}
