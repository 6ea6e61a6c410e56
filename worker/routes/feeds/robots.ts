import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { NoQuery } from '../../../schema/api/feeds'
import type { AppEnv } from '../../middleware/database'
import { publicCache } from '../../middleware/public-cache'
import { validate } from '../../middleware/validate'
import { documentResponses } from './openapi'

/**
 * robots.txt of this host: everything may be crawled but the admin API and the
 * admin UI, and both sitemaps are named by their absolute URLs on this host. A
 * frontend on another host lists the same two Sitemap lines in its own robots.txt
 * (search engines accept a sitemap on another host when that host's robots.txt
 * names it). No D1 call.
 */
export const robotsRoutes = new Hono<AppEnv>().get(
  '/robots.txt',
  describeRoute({ tags: ['Sitemaps'], summary: 'robots.txt: crawl rules and the sitemaps', responses: documentResponses('text/plain', 'The robots.txt rules') }),
  validate('query', NoQuery),
  publicCache(),
  (c) => {
    const origin = new URL(c.req.url).origin
    const lines = ['User-agent: *', 'Allow: /', 'Disallow: /api/admin', 'Disallow: /admin', '', `Sitemap: ${origin}/sitemap.xml`, `Sitemap: ${origin}/sitemap-news.xml`, '']
    return c.body(lines.join('\n'), 200, { 'Content-Type': 'text/plain; charset=utf-8' })
  },
)
