import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ChangePasswordBody, UserResponse } from '../../../../schema/api/auth'
import { clientInfo } from '../../../lib/client-info'
import { ApiError, notFound } from '../../../lib/errors'
import { siteSettings } from '../../../lib/settings'
import { requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeStaffUser } from '../../../serializers/staff-user'
import { changePassword } from '../../../services/auth/change-password'
import { getUser } from '../../../services/users'
import { adminResponses } from './openapi'

const tags = ['Admin: session']

/** The signed-in user: who am I, change my password. */
export const meRoutes = new Hono<AdminEnv>()
  .get(
    '/me',
    describeRoute({ tags, summary: 'The signed-in user', responses: adminResponses(UserResponse) }),
    requireStaff(),
    async (c) => {
      const user = await getUser(c.var.db, c.get('user').id)
      if (!user) throw notFound('User')
      return c.json({ data: serializeStaffUser(user, siteSettings(c.env).timeZone) }, 200)
    },
  )
  .post(
    '/me/password',
    describeRoute({
      tags,
      summary: 'Change my password',
      description:
        'Needs the current password and a browser session (not a token). Every other session of the user is signed out. ' +
        'A wrong current password counts as a failed sign-in.',
      responses: adminResponses(UserResponse, { 403: 'Wrong current password, token auth, or cross-site request', 409: 'Changed concurrently', 429: 'Too many failed attempts' }),
    }),
    requireStaff(),
    validate('json', ChangePasswordBody),
    async (c) => {
      const sessionId = c.get('sessionId')
      if (sessionId === null) throw new ApiError(403, 'forbidden', 'Changing the password needs a signed-in browser session, not a token')
      const db = c.var.db
      const { current_password, new_password } = c.req.valid('json')
      const result = await changePassword(db, c.var.d1, c.get('user'), sessionId, current_password, new_password, clientInfo(c))
      if (typeof result === 'object') {
        throw new ApiError(429, 'too_many_requests', 'Too many failed attempts; try again later', [], { 'Retry-After': String(result.lockedForSeconds) })
      }
      if (result === 'wrong_password') {
        throw new ApiError(403, 'forbidden', 'The current password is wrong', [{ path: 'json.current_password', message: 'is not your current password' }])
      }
      if (result === 'conflict') throw new ApiError(409, 'conflict', 'The password was changed at the same time; sign in again')
      const user = await getUser(db, c.get('user').id)
      if (!user) throw notFound('User')
      return c.json({ data: serializeStaffUser(user, siteSettings(c.env).timeZone) }, 200)
    },
  )
