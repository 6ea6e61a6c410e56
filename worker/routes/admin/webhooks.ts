import { Hono, type Context } from 'hono'
import { describeRoute } from 'hono-openapi'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { WebhookCreate, WebhookList, WebhookPatch, WebhookResponse, WebhookWithSecret } from '../../../schema/api/admin-webhooks'
import { IdParam } from '../../../schema/api/common'
import { NoQuery } from '../../../schema/api/taxonomy'
import { requireIfMatch, versionTag } from '../../lib/precondition'
import { siteSettings } from '../../lib/settings'
import { allowsPrivate } from '../../lib/url-guard'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeWebhook } from '../../serializers/webhook-admin'
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from '../../services/webhooks/webhooks'
import { adminResponses } from './accounts/openapi'

const tags = ['Admin: webhooks']
const writeErrors = { 403: 'Admins only', 404: 'No such webhook', 412: 'Stale If-Match version', 428: 'If-Match missing' }
const guard = (c: Context<AdminEnv>) => ({ allowPrivate: allowsPrivate(c.env) })

/** The webhook as admins see it, its version as the answer's ETag. */
async function webhookView(c: Context<AdminEnv>, id: number) {
  const row = await getWebhook(c.var.db, id)
  c.header('ETag', versionTag(row.version))
  return serializeWebhook(row, siteSettings(c.env).timeZone)
}

/** Webhook endpoints: list, register (the secret shown once), read, edit, rotate the secret, delete. Admins only. */
export const webhookRoutes = new Hono<AdminEnv>()
  .get('/', describeRoute({ tags, summary: 'List webhooks', responses: adminResponses(WebhookList, { 403: 'Admins only' }) }), validate('query', NoQuery), async (c) => {
    const timeZone = siteSettings(c.env).timeZone
    return c.json({ data: (await listWebhooks(c.var.db)).map((w) => serializeWebhook(w, timeZone)), next_cursor: null }, 200)
  })
  .post(
    '/',
    describeRoute({ tags, summary: 'Register a webhook', description: 'The URL must reach the public internet (docs/webhooks.md). The signing `secret` is in this response only.', responses: adminResponses(WebhookWithSecret, { 403: 'Admins only', 409: 'Too many webhooks' }, 201) }),
    validate('json', WebhookCreate),
    async (c) => {
      const { id, secret } = await createWebhook(c.var.db, c.var.d1, c.req.valid('json'), actorOf(c), guard(c), c.env.WEBHOOK_SECRET_KEY || undefined)
      c.header('Location', `/api/admin/webhooks/${id}`)
      return c.json({ data: { ...(await webhookView(c, id)), secret } }, 201)
    },
  )
  .get('/:id', describeRoute({ tags, summary: 'One webhook', responses: adminResponses(WebhookResponse, { 403: 'Admins only', 404: 'No such webhook' }) }), validate('param', IdParam), validate('query', NoQuery), async (c) =>
    c.json({ data: await webhookView(c, c.req.valid('param').id) }, 200),
  )
  .patch(
    '/:id',
    describeRoute({ tags, summary: 'Edit a webhook', description: 'URL, events, description, active. Needs `If-Match`.', responses: adminResponses(WebhookResponse, writeErrors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', WebhookPatch),
    async (c) => {
      const { id } = c.req.valid('param')
      await updateWebhook(c.var.db, c.var.d1, id, requireIfMatch(c.req.valid('header')['if-match']), c.req.valid('json'), actorOf(c), guard(c))
      return c.json({ data: await webhookView(c, id) }, 200)
    },
  )
  .post(
    '/:id/rotate-secret',
    describeRoute({ tags, summary: 'Rotate the signing secret', description: 'The old secret stops at once; the new one is in this response only. If-Match is optional.', responses: adminResponses(WebhookWithSecret, writeErrors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    async (c) => {
      const { id } = c.req.valid('param')
      const secret = await rotateWebhookSecret(c.var.db, c.var.d1, id, c.req.valid('header')['if-match'], actorOf(c), c.env.WEBHOOK_SECRET_KEY || undefined)
      return c.json({ data: { ...(await webhookView(c, id)), secret } }, 200)
    },
  )
  .delete(
    '/:id',
    describeRoute({ tags, summary: 'Delete a webhook', description: 'Needs `If-Match`. Its delivery records go with it.', responses: adminResponses(null, writeErrors, 204) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    async (c) => {
      await deleteWebhook(c.var.db, c.var.d1, c.req.valid('param').id, requireIfMatch(c.req.valid('header')['if-match']), actorOf(c))
      return c.body(null, 204)
    },
  )
