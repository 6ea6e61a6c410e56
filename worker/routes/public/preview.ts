import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import * as v from 'valibot'
import { ArticleResponse } from '../../../schema/api/article'
import { siteSettings } from '../../lib/settings'
import { validate } from '../../middleware/validate'
import { serializePublicArticle } from '../../serializers/article-public'
import { readPreview } from '../../services/editorial/preview-links'
import { responses } from './openapi-helpers'

const TokenParam = v.object({
  token: v.pipe(v.string(), v.maxLength(300, 'is not a preview token'), v.regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'is not a preview token')),
})

/**
 * A draft (or any unpublished article) read through a signed, expiring link from
 * the admin API. Never cached by anyone and never indexed, errors included.
 */
export const publicPreview = new Hono<AppEnv>()
  .use('/preview/*', async function privatePreview(c, next) {
    await next()
    c.res.headers.set('Cache-Control', 'private, no-store')
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow')
  })
  .get(
    '/preview/:token',
    describeRoute({
      tags: ['Articles'],
      summary: 'Preview an article through a signed link',
      description: 'The token comes from `POST /api/admin/articles/{id}/preview-link`. The article is shown as it would be published.',
      responses: responses(ArticleResponse, { 404: 'Unknown or tampered token, or the article was deleted', 410: 'The link has expired' }),
    }),
    validate('param', TokenParam),
    async (c) => {
      const bundle = await readPreview(c.var.db, c.req.valid('param').token, new Date())
      return c.json({ data: serializePublicArticle(bundle, siteSettings(c.env), 0) }, 200)
    },
  )
