import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { CreateTokenBody, TokenCreated, TokenList, TokenListQuery } from '../../../../schema/api/auth'
import { IdParam } from '../../../../schema/api/common'
import { idFromCursor, idPage } from '../../../lib/id-page'
import { ApiError, notFound } from '../../../lib/errors'
import { siteSettings } from '../../../lib/settings'
import { actorOf, requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeAccessToken } from '../../../serializers/access-token'
import { listAccessTokens } from '../../../services/auth/access-tokens'
import { issueAccessToken, revokeOwnAccessToken } from '../../../services/auth/my-tokens'
import { SESSION_ONLY } from '../../openapi'
import { adminResponses } from './openapi'

const tags = ['Admin: tokens']

/** The signed-in user's personal access tokens, for scripts (`Authorization: Bearer …`). */
export const tokenRoutes = new Hono<AdminEnv>()
  .get(
    '/tokens',
    describeRoute({ tags, summary: 'My personal access tokens', description: 'Newest first; revoked and expired ones included. Never the secret.', responses: adminResponses(TokenList) }),
    requireStaff(),
    validate('query', TokenListQuery),
    async (c) => {
      const q = c.req.valid('query')
      const rows = await listAccessTokens(c.var.db, c.get('user').id, q.limit + 1, idFromCursor(q.cursor, '-id'))
      const { page, nextCursor } = idPage(rows, q.limit, '-id')
      const timeZone = siteSettings(c.env).timeZone
      return c.json({ data: page.map((t) => serializeAccessToken(t, timeZone)), next_cursor: nextCursor }, 200)
    },
  )
  .post(
    '/tokens',
    describeRoute({
      tags,
      summary: 'Create a personal access token',
      security: SESSION_ONLY,
      description: 'Needs a browser session (a token cannot mint tokens). Scopes are chosen here, at most what your role allows. The secret is in this response only; store it now.',
      responses: adminResponses(TokenCreated, { 403: 'Token auth, a cross-site request, or a scope beyond your role' }, 201),
    }),
    requireStaff(),
    validate('json', CreateTokenBody),
    async (c) => {
      if (c.get('authMethod') !== 'cookie') throw new ApiError(403, 'forbidden', 'Creating a token needs a signed-in browser session, not a token')
      const { name, expires_in_days, scopes } = c.req.valid('json')
      const { row, secret } = await issueAccessToken(c.var.db, c.var.d1, actorOf(c), name, expires_in_days, scopes)
      c.header('Location', `/api/admin/tokens/${row.id}`)
      return c.json({ data: { ...serializeAccessToken(row, siteSettings(c.env).timeZone), token: secret } }, 201)
    },
  )
  .delete(
    '/tokens/:id',
    describeRoute({ tags, summary: 'Revoke one of my tokens', description: 'Takes effect at once. Revoking a revoked token is a no-op.', responses: adminResponses(null, { 404: 'No such token of yours' }, 204) }),
    requireStaff(),
    validate('param', IdParam),
    async (c) => {
      const actor = actorOf(c)
      const result = await revokeOwnAccessToken(c.var.db, c.var.d1, actor, c.req.valid('param').id)
      if (result === 'not_found') throw notFound('Token')
      return c.body(null, 204)
    },
  )
