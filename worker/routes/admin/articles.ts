import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { AdminArticleList, AdminArticleListQuery, AdminArticleResponse, ArticleCreate, ArticlePatch } from '../../../schema/api/admin-articles'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { IdParam } from '../../../schema/api/common'
import { NoQuery } from '../../../schema/api/taxonomy'
import { requireIfMatch } from '../../lib/precondition'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeAdminArticle } from '../../serializers/article-admin'
import { listAdminArticles } from '../../services/editorial/admin-read'
import { createArticle, trashArticle, updateArticle } from '../../services/editorial/articles'
import { adminResponses } from './accounts/openapi'
import { articleResponse } from './content-helpers'

const tags = ['Admin: articles']
const unknownImage = { 422: 'The body shows a /media/ key the media library does not hold (details name each key)' }
const writeErrors = { 403: 'Your role may not do this to this article', 404: 'No such article', 409: 'Slug taken, or the article is in the trash', 412: 'Stale If-Match version', 428: 'If-Match missing' }

/** Articles in any status: list, create, read, edit, move to the trash. */
export const adminArticleRoutes = new Hono<AdminEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'List articles (any status)', description: 'The articles you may read (README, read rules: editors and admins all; authors and contributors those they created or are bylined on). Newest updated first; `trash=true` lists the trash. Keyset pagination with `cursor`.', responses: adminResponses(AdminArticleList) }),
    validate('query', AdminArticleListQuery),
    async (c) => {
      const page = await listAdminArticles(c.var.db, c.req.valid('query'), actorOf(c))
      const settings = siteSettings(c.env)
      return c.json({ data: page.items.map((a) => serializeAdminArticle(a, settings)), next_cursor: page.nextCursor }, 200)
    },
  )
  .post(
    '/',
    describeRoute({ tags, summary: 'Create a draft', description: 'The body HTML is sanitized (images only as library or IMAGE_HOSTS figures, docs/media.md); tags are created by name; the slug is generated from the title unless given.', responses: adminResponses(AdminArticleResponse, { 409: 'Slug taken', ...unknownImage }, 201) }),
    validate('json', ArticleCreate),
    async (c) => {
      const id = await createArticle(c.var.db, c.var.d1, c.req.valid('json'), actorOf(c), siteSettings(c.env))
      c.header('Location', `/api/admin/articles/${id}`)
      return articleResponse(c, id, 201)
    },
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'One article (any status, trash included)', description: 'The ETag is the version to send back as If-Match.', responses: adminResponses(AdminArticleResponse, { 404: 'No such article' }) }),
    validate('param', IdParam),
    validate('query', NoQuery),
    (c) => articleResponse(c, c.req.valid('param').id),
  )
  .patch(
    '/:id',
    describeRoute({ tags, summary: 'Edit an article', description: 'Needs `If-Match: <version>`. Only the fields sent change; each save is a new revision.', responses: adminResponses(AdminArticleResponse, { ...writeErrors, ...unknownImage }) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', ArticlePatch),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = requireIfMatch(c.req.valid('header')['if-match'])
      await updateArticle(c.var.db, c.var.d1, id, version, c.req.valid('json'), actorOf(c), siteSettings(c.env))
      return articleResponse(c, id)
    },
  )
  .delete(
    '/:id',
    describeRoute({ tags, summary: 'Move an article to the trash', description: 'Needs `If-Match`. A trashed article is gone publicly and can be restored (`POST …/restore`).', responses: adminResponses(AdminArticleResponse, writeErrors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    async (c) => {
      const { id } = c.req.valid('param')
      const version = requireIfMatch(c.req.valid('header')['if-match'])
      await trashArticle(c.var.db, c.var.d1, id, version, actorOf(c))
      return articleResponse(c, id)
    },
  )
