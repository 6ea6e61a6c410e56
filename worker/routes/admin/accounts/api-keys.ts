import { Hono, type Context } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ApiKeyCreated, ApiKeyList, ApiKeyListQuery, ApiKeyResponse, CreateApiKeyBody, UpdateApiKeyBody } from '../../../../schema/api/admin-api-keys'
import { IfMatchHeader } from '../../../../schema/api/admin-common'
import { IdParam } from '../../../../schema/api/common'
import type { ApiKeyRow } from '../../../../schema/tables/api-keys'
import { notFound } from '../../../lib/errors'
import { idFromCursor, idPage } from '../../../lib/id-page'
import { requireIfMatch, versionTag } from '../../../lib/precondition'
import { siteSettings } from '../../../lib/settings'
import { actorOf, requireRole, requireStaff, type AdminEnv } from '../../../middleware/auth'
import { validate } from '../../../middleware/validate'
import { serializeApiKey } from '../../../serializers/api-key-admin'
import { createApiKey, findApiKey, listApiKeys, revokeApiKey, updateApiKey } from '../../../services/api-keys/admin-keys'
import { readKeyUsage } from '../../../services/api-keys/usage-rollup'
import { adminResponses } from './openapi'

const tags = ['Admin: API keys']
const adminOnly = [requireStaff(), requireRole('admin')] as const

/** A key with its usage of the last 30 days, its version as ETag. */
async function keyAnswer(c: Context<AdminEnv>, row: ApiKeyRow) {
  const usage = await readKeyUsage(c.var.d1, row.id)
  c.header('ETag', versionTag(row.version))
  return { data: { ...serializeApiKey(row, siteSettings(c.env).timeZone), usage } }
}

/** Partner and frontend API keys (docs/partners.md): admins only. */
export const apiKeyRoutes = new Hono<AdminEnv>()
  .get('/api-keys', describeRoute({ tags, summary: 'API keys', description: 'Newest first; revoked and expired ones included. Never the secret.', responses: adminResponses(ApiKeyList) }), ...adminOnly, validate('query', ApiKeyListQuery), async (c) => {
    const q = c.req.valid('query')
    const { page, nextCursor } = idPage(await listApiKeys(c.var.db, q.limit + 1, idFromCursor(q.cursor, '-id')), q.limit, '-id')
    const timeZone = siteSettings(c.env).timeZone
    return c.json({ data: page.map((k) => serializeApiKey(k, timeZone)), next_cursor: nextCursor }, 200)
  })
  .post(
    '/api-keys',
    describeRoute({ tags, summary: 'Create an API key', description: 'The secret is in this response only; it is stored hashed.', responses: adminResponses(ApiKeyCreated, {}, 201) }),
    ...adminOnly,
    validate('json', CreateApiKeyBody),
    async (c) => {
      const { row, secret } = await createApiKey(c.var.db, c.var.d1, actorOf(c), c.req.valid('json'))
      c.header('Location', `/api/admin/api-keys/${row.id}`)
      c.header('ETag', versionTag(row.version))
      return c.json({ data: { ...serializeApiKey(row, siteSettings(c.env).timeZone), key: secret } }, 201)
    },
  )
  .get('/api-keys/:id', describeRoute({ tags, summary: 'One API key with its usage per day (30 days)', responses: adminResponses(ApiKeyResponse, { 404: 'No such key' }) }), ...adminOnly, validate('param', IdParam), async (c) => {
    const row = await findApiKey(c.var.db, c.req.valid('param').id)
    if (!row) throw notFound('API key')
    return c.json(await keyAnswer(c, row), 200)
  })
  .patch(
    '/api-keys/:id',
    describeRoute({ tags, summary: 'Edit an API key', description: 'Name, scope, categories, tier, expiry. Needs `If-Match: <version>`; applies from the next request.', responses: adminResponses(ApiKeyResponse, { 404: 'No such key', 412: 'Stale If-Match version', 428: 'If-Match missing' }) }),
    ...adminOnly,
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', UpdateApiKeyBody),
    async (c) => {
      const id = c.req.valid('param').id
      await updateApiKey(c.var.db, c.var.d1, actorOf(c), id, requireIfMatch(c.req.valid('header')['if-match']), c.req.valid('json'))
      const row = await findApiKey(c.var.db, id)
      if (!row) throw notFound('API key')
      return c.json(await keyAnswer(c, row), 200)
    },
  )

/** Revoking: DELETE or POST …/revoke, the same. Takes effect on the key's next request; a revoked key stays listed with its usage. */
for (const [method, path] of [['delete', '/api-keys/:id'], ['post', '/api-keys/:id/revoke']] as const) {
  apiKeyRoutes.on(
    method.toUpperCase(),
    path,
    describeRoute({ tags, summary: 'Revoke an API key', description: 'At once: the next request with it is a 401. Revoking a revoked key is a no-op.', responses: adminResponses(null, { 404: 'No such key' }, 204) }),
    ...adminOnly,
    validate('param', IdParam),
    async (c) => {
      if (!(await revokeApiKey(c.var.db, c.var.d1, actorOf(c), c.req.valid('param').id))) throw notFound('API key')
      return c.body(null, 204)
    },
  )
}
