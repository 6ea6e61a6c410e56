import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import * as v from 'valibot'
import { EmptyBody } from '../../../schema/api/admin-articles'
import { IdParam } from '../../../schema/api/common'
import { notFound } from '../../lib/errors'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { readableIds } from '../../services/editorial/admin-read'
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
      description:
        'Call every 30 s while the editor is open. Answers the other staff members whose heartbeat is under 70 s old. Nothing is locked. No D1 round trip for the desk; authors and contributors are checked (one query) against the read rules, so nobody learns who edits an article they may not read (404 as for a missing one).',
      responses: adminResponses(PresenceList, { 404: 'No such article, or not one you may read' }),
    }),
    validate('param', IdParam),
    validate('json', EmptyBody),
    async (c) => {
      const user = c.get('user')
      const { id } = c.req.valid('param')
      if (!(await readableIds(c.var.db, actorOf(c), [id])).has(id)) throw notFound('Article')
      const others = await heartbeat(c.env.VIEWS, id, { id: user.id, name: user.name })
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
