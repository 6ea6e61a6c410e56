import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import * as v from 'valibot'
import { EmptyBody } from '../../../schema/api/admin-articles'
import { IdParam } from '../../../schema/api/common'
import type { AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { heartbeat, leave } from '../../services/editorial/presence'
import { adminResponses } from './accounts/openapi'

const tags = ['Admin: articles']

const PresenceList = v.object({
  data: v.array(v.object({ user_id: v.number(), name: v.string(), at: v.string() })),
})

/**
 * "Someone else has this article open": the editor's heartbeat (every 30 s) and its
 * goodbye. Advisory only, never a lock; stored in KV (services/editorial/presence.ts).
 */
export const adminPresenceRoutes = new Hono<AdminEnv>()
  .post(
    '/:id/presence',
    describeRoute({
      tags,
      summary: 'Heartbeat: I have this article open',
      description: 'Call every 30 s while the editor is open. Answers the other staff members whose heartbeat is under 70 s old. No D1 round trip; nothing is locked.',
      responses: adminResponses(PresenceList),
    }),
    validate('param', IdParam),
    validate('json', EmptyBody),
    async (c) => {
      const user = c.get('user')
      const others = await heartbeat(c.env.VIEWS, c.req.valid('param').id, { id: user.id, name: user.name })
      c.header('Cache-Control', 'no-store')
      return c.json({ data: others }, 200)
    },
  )
  .delete(
    '/:id/presence',
    describeRoute({ tags, summary: 'I closed this article', description: 'Removes this user’s heartbeat at once (it would expire within 70 s anyway).', responses: adminResponses(null, {}, 204) }),
    validate('param', IdParam),
    async (c) => {
      await leave(c.env.VIEWS, c.req.valid('param').id, c.get('user').id)
      return c.body(null, 204)
    },
  )
