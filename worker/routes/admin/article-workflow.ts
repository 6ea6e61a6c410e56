import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import type { GenericSchema } from 'valibot'
import { AdminArticleResponse, EmptyBody, PublishBody, ScheduleBody } from '../../../schema/api/admin-articles'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { IdParam } from '../../../schema/api/common'
import { actorOf, requireRole, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { purgeArticle, restoreArticle } from '../../services/editorial/articles'
import type { WorkflowAction } from '../../services/editorial/rules'
import { applyWorkflow, type WorkflowOptions } from '../../services/editorial/workflow'
import { adminResponses } from './accounts/openapi'
import { articleResponse } from './content-helpers'

const tags = ['Admin: workflow']
const errors = {
  403: 'Your role may not do this to this article',
  404: 'No such article',
  409: 'Not allowed from the article’s current state, or the article is in the trash',
  412: 'Stale If-Match version (If-Match is optional here)',
}

interface Transition {
  summary: string
  description: string
  body: GenericSchema
  options: (body: { published_at?: string; at?: string }) => Pick<WorkflowOptions, 'publishedAt' | 'at'>
}

/** Each transition's route: its documentation, body and what it passes on. Who may do it is in rules.ts. */
const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { summary: 'Submit for review', description: 'draft → review. Authors: their own drafts; editors and admins: any.', body: EmptyBody, options: () => ({}) },
  publish: {
    summary: 'Publish now',
    description: 'draft, review, scheduled or archived → published. Editors and admins. An optional past `published_at` backdates it (archives, migrations); a future one is refused: use schedule.',
    body: PublishBody,
    options: (b) => ({ publishedAt: b.published_at }),
  },
  schedule: {
    summary: 'Schedule publication',
    description: 'draft, review or scheduled → scheduled. Editors and admins. `at` must be in the future; the cron tick after it publishes the article.',
    body: ScheduleBody,
    options: (b) => ({ at: b.at }),
  },
  unpublish: { summary: 'Back to draft', description: 'review, scheduled or published → draft (offline). Editors and admins.', body: EmptyBody, options: () => ({}) },
  archive: { summary: 'Archive', description: 'published → archived (offline). Editors and admins.', body: EmptyBody, options: () => ({}) },
}

const routes = new Hono<AdminEnv>()
  .post(
    '/:id/restore',
    describeRoute({ tags, summary: 'Restore from the trash', description: 'Back in the status it had. If-Match is optional.', responses: adminResponses(AdminArticleResponse, errors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', EmptyBody),
    async (c) => {
      const { id } = c.req.valid('param')
      await restoreArticle(c.var.db, c.var.d1, id, c.req.valid('header')['if-match'], actorOf(c))
      return articleResponse(c, id)
    },
  )
  .post(
    '/:id/purge',
    describeRoute({ tags, summary: 'Delete a trashed article for good', description: 'Admins only; the article must be in the trash. Its revisions go with it; the audit log keeps the record.', responses: adminResponses(null, { 403: 'Admins only', 404: 'No such article', 409: 'Not in the trash' }, 204) }),
    requireRole('admin'),
    validate('param', IdParam),
    validate('json', EmptyBody),
    async (c) => {
      await purgeArticle(c.var.db, c.var.d1, c.req.valid('param').id, actorOf(c))
      return c.body(null, 204)
    },
  )

for (const [action, t] of Object.entries(TRANSITIONS) as [WorkflowAction, Transition][]) {
  routes.post(
    `/:id/${action}`,
    describeRoute({ tags, summary: t.summary, description: t.description, responses: adminResponses(AdminArticleResponse, errors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', t.body),
    async (c) => {
      const { id } = c.req.valid('param')
      const body = c.req.valid('json') as { published_at?: string; at?: string }
      await applyWorkflow(c.var.db, c.var.d1, id, action, actorOf(c), { ifMatch: c.req.valid('header')['if-match'], ...t.options(body) })
      return articleResponse(c, id)
    },
  )
}

/** Workflow transitions (submit, publish, schedule, unpublish, archive), trash restore and purge. */
export const adminWorkflowRoutes = routes
