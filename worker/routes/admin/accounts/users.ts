import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { IfMatchHeader } from '../../../../schema/api/admin-common'
import { CreateUserBody, UpdateUserBody, UserList, UserListQuery, UserResponse } from '../../../../schema/api/auth'
import { IdParam } from '../../../../schema/api/common'
import { idFromCursor, idPage } from '../../../lib/id-page'
import { requireIfMatch, staleVersion, versionTag } from '../../../lib/precondition'
import { ApiError, notFound } from '../../../lib/errors'
import { siteSettings } from '../../../lib/settings'
import { actorOf, requireRole, requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeStaffUser } from '../../../serializers/staff-user'
import { changeStaffAccount, createStaffAccount } from '../../../services/staff-accounts'
import { getUser, listUsers } from '../../../services/users'
import { adminResponses } from './openapi'

const tags = ['Admin: users']

/** Staff accounts, managed by admins. */
export const userRoutes = new Hono<AdminEnv>()
  .get(
    '/users',
    describeRoute({ tags, summary: 'List staff accounts', description: 'Admins only. In id order, keyset-paginated.', responses: adminResponses(UserList, { 403: 'Not an admin' }) }),
    requireStaff(),
    requireRole('admin'),
    validate('query', UserListQuery),
    async (c) => {
      const q = c.req.valid('query')
      const rows = await listUsers(c.var.db, { limit: q.limit + 1, afterId: idFromCursor(q.cursor, 'id'), role: q.role, status: q.status })
      const { page, nextCursor } = idPage(rows, q.limit, 'id')
      const timeZone = siteSettings(c.env).timeZone
      return c.json({ data: page.map((u) => serializeStaffUser(u, timeZone)), next_cursor: nextCursor }, 200)
    },
  )
  .post(
    '/users',
    describeRoute({
      tags,
      summary: 'Create a staff account',
      description: 'Admins only. Sets the role and an initial password the user should change.',
      responses: adminResponses(UserResponse, { 403: 'Not an admin', 409: 'Email already used' }, 201),
    }),
    requireStaff(),
    requireRole('admin'),
    validate('json', CreateUserBody),
    async (c) => {
      const actor = actorOf(c)
      const result = await createStaffAccount(c.var.db, c.var.d1, actor, c.req.valid('json'))
      if (result.kind === 'email_taken') {
        throw new ApiError(409, 'conflict', 'A staff account with that email exists', [{ path: 'json.email', message: 'is already used' }])
      }
      c.header('Location', `/api/admin/users/${result.user.id}`)
      c.header('ETag', versionTag(result.user.version))
      return c.json({ data: serializeStaffUser(result.user, siteSettings(c.env).timeZone) }, 201)
    },
  )
  .get(
    '/users/:id',
    describeRoute({ tags, summary: 'One staff account', description: 'Admins only. The ETag is the version PATCH needs in If-Match.', responses: adminResponses(UserResponse, { 403: 'Not an admin', 404: 'No such user' }) }),
    requireStaff(),
    requireRole('admin'),
    validate('param', IdParam),
    async (c) => {
      const user = await getUser(c.var.db, c.req.valid('param').id)
      if (!user) throw notFound('User')
      c.header('ETag', versionTag(user.version))
      return c.json({ data: serializeStaffUser(user, siteSettings(c.env).timeZone) }, 200)
    },
  )
  .patch(
    '/users/:id',
    describeRoute({
      tags,
      summary: 'Rename, change the role of, suspend or reactivate a staff account',
      description:
        'Admins only; needs `If-Match` with the current version. Suspending signs the user out everywhere and revokes their tokens. ' +
        'A change that would leave no active admin is refused with 409.',
      responses: adminResponses(UserResponse, { 403: 'Not an admin', 404: 'No such user', 409: 'Would leave no active admin', 412: 'Stale version', 428: 'If-Match missing' }),
    }),
    requireStaff(),
    requireRole('admin'),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', UpdateUserBody),
    async (c) => {
      const version = requireIfMatch(c.req.valid('header')['if-match'])
      const actor = actorOf(c)
      const result = await changeStaffAccount(c.var.db, c.var.d1, actor, c.req.valid('param').id, version, c.req.valid('json'))
      if (result.kind === 'not_found') throw notFound('User')
      if (result.kind === 'stale') throw staleVersion('staff account', result.version)
      if (result.kind === 'last_admin') throw new ApiError(409, 'conflict', 'That would leave the newsroom without an active admin')
      c.header('ETag', versionTag(result.user.version))
      return c.json({ data: serializeStaffUser(result.user, siteSettings(c.env).timeZone) }, 200)
    },
  )
