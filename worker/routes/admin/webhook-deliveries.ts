import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { DeliveryList, DeliveryListQuery, DeliveryResponse } from '../../../schema/api/admin-webhooks'
import { IdParam } from '../../../schema/api/common'
import { siteSettings } from '../../lib/settings'
import type { AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeDelivery } from '../../serializers/webhook-admin'
import { pingWebhook, recentDeliveries } from '../../services/webhooks/deliveries'
import { senderFor } from '../../services/webhooks/sender'
import { adminResponses } from './accounts/openapi'

const tags = ['Admin: webhooks']

/** A webhook's delivery records and the test ping. Admins only. */
export const webhookDeliveryRoutes = new Hono<AdminEnv>()
  .get(
    '/:id/deliveries',
    describeRoute({ tags, summary: 'Recent deliveries of a webhook', description: 'Newest first, `limit` 1..100 (default 20), optionally one `status`. Never the payload.', responses: adminResponses(DeliveryList, { 403: 'Admins only', 404: 'No such webhook' }) }),
    validate('param', IdParam),
    validate('query', DeliveryListQuery),
    async (c) => {
      const q = c.req.valid('query')
      const rows = await recentDeliveries(c.var.db, c.req.valid('param').id, q.limit, q.status)
      const timeZone = siteSettings(c.env).timeZone
      return c.json({ data: rows.map((d) => serializeDelivery(d, timeZone)), next_cursor: null }, 200)
    },
  )
  .post(
    '/:id/test',
    describeRoute({ tags, summary: 'Send a test delivery now', description: 'A signed `ping` event, sent while you wait (up to 10 s); the answer is its record: status, response code, error. Not retried.', responses: adminResponses(DeliveryResponse, { 403: 'Admins only', 404: 'No such webhook' }) }),
    validate('param', IdParam),
    async (c) => {
      const delivery = await pingWebhook(senderFor(c.env), c.req.valid('param').id)
      return c.json({ data: serializeDelivery(delivery, siteSettings(c.env).timeZone) }, 200)
    },
  )
