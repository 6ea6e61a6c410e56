import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { FeedQuery } from '../../../schema/api/feeds'
import { feedLimits } from '../../lib/feed-limits'
import { siteSettings } from '../../lib/settings'
import type { AppEnv } from '../../middleware/database'
import { publicCache } from '../../middleware/public-cache'
import { apiKeyAccess } from '../../middleware/api-key'
import { publicCors } from '../../middleware/public-cors'
import { readCache } from '../../middleware/read-cache'
import { validate } from '../../middleware/validate'
import { atomDocument } from '../../serializers/feed/atom'
import { toFeedEntry } from '../../serializers/feed/feed-entry'
import { feedMeta } from '../../serializers/feed/feed-meta'
import { jsonFeedDocument } from '../../serializers/feed/json-feed'
import { rssDocument } from '../../serializers/feed/rss'
import { listFeedArticles } from '../../services/feeds/feed-articles'
import { ANONYMOUS_FEED_SCOPE, type FeedScopeEnv } from '../../services/feeds/feed-scope'
import { reads } from '../public/serialize'
import { documentResponses } from './openapi'

type FeedAppEnv = AppEnv & FeedScopeEnv

const FORMATS = [
  { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8', name: 'RSS 2.0', render: rssDocument },
  { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8', name: 'Atom 1.0', render: atomDocument },
  { file: 'feed.json', type: 'application/feed+json; charset=utf-8', name: 'JSON Feed 1.1', render: jsonFeedDocument },
] as const

/**
 * `/feeds/rss.xml`, `/feeds/atom.xml`, `/feeds/feed.json`, site-wide or `?category=`:
 * the newest published articles, one D1 round trip, cached like every public read.
 * What a caller may get (full bodies, which categories) is `c.var.feedScope`, set
 * by a verified partner key (middleware/api-key.ts); anonymous readers get
 * ANONYMOUS_FEED_SCOPE (full bodies, all categories).
 */
export const feedRoutes = new Hono<FeedAppEnv>().use('/feeds/*', publicCors()).use('/feeds/*', apiKeyAccess())

for (const format of FORMATS) {
  feedRoutes.get(
    `/feeds/${format.file}`,
    describeRoute({
      tags: ['Feeds'],
      summary: `${format.name} feed of the newest published articles`,
      description: 'The newest 50 published articles, site-wide or of one category (`?category=slug`), with cover, categories, authors and full body.',
      responses: documentResponses(format.type.split(';')[0]!, `The ${format.name} document`, { 404: 'Unknown category' }),
    }),
    validate('query', FeedQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const { category } = c.req.valid('query')
      const scope = c.get('feedScope') ?? ANONYMOUS_FEED_SCOPE
      const items = await listFeedArticles(reads(c), { category, scope, limits: feedLimits(c.env) })
      const settings = siteSettings(c.env)
      const entries = items.map((item) => toFeedEntry(item, settings))
      return c.body(format.render(feedMeta(settings, c.req.url, category, entries), entries), 200, { 'Content-Type': format.type })
    },
  )
}
