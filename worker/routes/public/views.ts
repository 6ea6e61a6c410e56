import type { AppEnv } from '../../middleware/database'
import { Hono, type Context } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { ArticleList } from '../../../schema/api/article'
import { ErrorBody, IdParam } from '../../../schema/api/common'
import { MostReadQuery } from '../../../schema/api/views'
import { publicCache } from '../../middleware/public-cache'
import { readCache } from '../../middleware/read-cache'
import { validate } from '../../middleware/validate'
import { countView } from '../../services/views/count'
import { mostReadArticles } from '../../services/views/most-read'
import { responses } from './openapi-helpers'
import { reads, serializeArticles } from './serialize'

const tags = ['Views']

/** A transparent 1x1 GIF (43 bytes). */
const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (ch) => ch.charCodeAt(0))

const countThisView = (c: Context<AppEnv>, articleId: number) =>
  countView(c.env.VIEWS, { articleId, headers: c.req.raw.headers, ctx: c.executionCtx })

const invalidId = { description: 'Not an article id', content: { 'application/json': { schema: resolver(ErrorBody) } } }
const counted = {
  description:
    'Counted for a reader. Crawlers, prefetches, unknown ids and articles that are not published get the same answer and are not counted, so a frontend never sees an error from its beacon.',
}

/** View beacons and most-read lists (mounted under /api/v1). */
export const publicViews = new Hono<AppEnv>()
  .post(
    '/articles/:id/views',
    describeRoute({
      tags,
      summary: 'Count a view (beacon)',
      description:
        'For `navigator.sendBeacon(url)`: any body (or none) and any content type, so no CORS preflight is needed. The body is ignored.',
      responses: { 204: counted, 400: invalidId },
    }),
    validate('param', IdParam),
    async (c) => {
      countThisView(c, c.req.valid('param').id)
      return c.body(null, 204, { 'Cache-Control': 'no-store' })
    },
  )
  .get(
    '/articles/:id/views.gif',
    describeRoute({
      tags,
      summary: 'Count a view (tracking pixel)',
      description: 'For `<img src>` where scripts do not run (AMP, e-mail). Answers a 1x1 transparent GIF that is never cached.',
      responses: { 200: { ...counted, content: { 'image/gif': {} } }, 400: invalidId },
    }),
    validate('param', IdParam),
    async (c) => {
      countThisView(c, c.req.valid('param').id)
      return c.body(PIXEL, 200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store, max-age=0' })
    },
  )
  .get(
    '/most-read',
    describeRoute({
      tags,
      summary: 'Most-read published articles',
      description:
        'Ranked by views in the window (`24h`: this hour and the 23 before it; `7d`, `30d` likewise; `all`: all time). `views` on each article is its all-time count. Counts reach the ranking at the next rollup (every minute).',
      responses: responses(ArticleList, { 404: 'Unknown category' }),
    }),
    validate('query', MostReadQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const bundles = await mostReadArticles(reads(c), c.req.valid('query'))
      return c.json({ data: await serializeArticles(c, bundles), next_cursor: null }, 200)
    },
  )
