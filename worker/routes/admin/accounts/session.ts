import { Hono, type Context } from 'hono'
import { describeRoute } from 'hono-openapi'
import { LoginBody, UserResponse } from '../../../../schema/api/auth'
import { clientInfo } from '../../../lib/client-info'
import { ApiError } from '../../../lib/errors'
import { clearedSessionCookie, sessionCookie } from '../../../lib/session-cookie'
import { siteSettings } from '../../../lib/settings'
import { requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeStaffUser } from '../../../serializers/staff-user'
import { ensureFirstAdmin } from '../../../services/auth/first-admin'
import { attemptLogin } from '../../../services/auth/login'
import { endSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../../services/auth/sessions'
import { SESSION_ONLY } from '../../openapi'
import { adminResponses } from './openapi'

const tags = ['Admin: session']

/** A browser always sends Origin on a POST: one from another site is login CSRF. Scripts send none. */
function refuseForeignOrigin(c: Context) {
  const origin = c.req.header('Origin')
  if (origin !== undefined && origin !== new URL(c.req.url).origin) {
    throw new ApiError(403, 'forbidden', 'Cross-site sign-in refused', [{ path: 'header.origin', message: 'must equal the origin of the admin API' }])
  }
}

/** Sign in (sets the `tin_session` cookie) and sign out. */
export const sessionRoutes = new Hono<AdminEnv>()
  .post(
    '/session',
    describeRoute({
      tags,
      summary: 'Sign in',
      security: [],
      description:
        'Checks email and password and sets the `tin_session` cookie (HttpOnly, Secure, SameSite=Strict, Path=/api/admin). ' +
        `A session lasts at most ${SESSION_ABSOLUTE_MS / 3_600_000} h and ends after ${SESSION_IDLE_MS / 3_600_000} h without a request. ` +
        'A wrong password and an unknown email get the same 401. After 5 failures for one account, or many from one IP, ' +
        'sign-in is refused with 429 and `Retry-After` for a lock-out that doubles with each further failure.',
      responses: adminResponses(UserResponse, { 401: 'Wrong email or password', 403: 'Cross-site request', 429: 'Too many failed sign-ins' }),
    }),
    validate('json', LoginBody),
    async (c) => {
      refuseForeignOrigin(c)
      const db = c.var.db
      const { email, password } = c.req.valid('json')
      await ensureFirstAdmin(db, c.var.d1, c.env)
      const result = await attemptLogin(db, c.var.d1, email, password, clientInfo(c))
      if (result.kind === 'locked') {
        throw new ApiError(429, 'too_many_requests', 'Too many failed sign-ins; try again later', [], {
          'Retry-After': String(result.retryAfterSeconds),
        })
      }
      if (result.kind === 'invalid') throw new ApiError(401, 'unauthorized', 'Wrong email or password')
      c.header('Set-Cookie', sessionCookie(result.token))
      c.header('Cache-Control', 'no-store')
      return c.json({ data: serializeStaffUser(result.user, siteSettings(c.env).timeZone) }, 200)
    },
  )
  .delete(
    '/session',
    describeRoute({
      tags,
      summary: 'Sign out',
      security: SESSION_ONLY,
      description: 'Ends this session and clears the cookie. Bearer tokens are revoked with `DELETE /api/admin/tokens/{id}` instead.',
      responses: adminResponses(null, { 403: 'Cross-site request' }, 204),
    }),
    requireStaff(),
    async (c) => {
      const sessionId = c.get('sessionId')
      if (sessionId === null) {
        throw new ApiError(400, 'bad_request', 'Signed in with a token, not a session: revoke the token with DELETE /api/admin/tokens/{id}')
      }
      await endSession(c.var.db, c.var.d1, c.get('user'), sessionId, clientInfo(c).ip)
      c.header('Set-Cookie', clearedSessionCookie())
      return c.body(null, 204)
    },
  )
