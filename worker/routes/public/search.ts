import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { IdParam } from '../../../schema/api/common'
import { RelatedList, RelatedQuery, SearchList, SearchQuery } from '../../../schema/api/search'
import { notFound } from '../../lib/errors'
import { siteSettings } from '../../lib/settings'
import { publicCache } from '../../middleware/public-cache'
import { readCache } from '../../middleware/read-cache'
import { validate } from '../../middleware/validate'
import { serializeSearchHit } from '../../serializers/search-public'
import { relatedArticles } from '../../services/search/related'
import { searchPublished } from '../../services/search/public-search'
import { responses } from './openapi-helpers'
import { articleView, reads, serializeArticles } from './serialize'

const tags = ['Search']

/** Full-text search and related articles (mounted under /api/v1). */
export const publicSearch = new Hono<AppEnv>()
  .get(
    '/search',
    describeRoute({
      tags,
      summary: 'Search published articles',
      description:
        'Ranked full-text search, accent-insensitive the Vietnamese way ("doan thanh nien" finds "Đoàn Thanh niên"). ' +
        'A query typed with accents ranks exact-accent matches first. Results are ranked, not keyset-ordered: ' +
        '`next_cursor` is an opaque offset bound to this query and filter, offered for the first 1,000 results.',
      responses: responses(SearchList, { 404: 'Unknown category' }),
    }),
    validate('query', SearchQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const page = await searchPublished(reads(c), c.req.valid('query'))
      const settings = siteSettings(c.env)
      const view = articleView(c)
      // A summary-only key's snippets come from the sapo alone, never the body.
      const fullBody = c.var.feedScope?.fullBody !== false
      const data = page.items.map((h) => view(serializeSearchHit(fullBody ? h : { ...h, bodyText: '' }, page.isHit, settings, h.bundle.views)))
      return c.json({ data, next_cursor: page.nextCursor }, 200)
    },
  )
  .get(
    '/articles/:id/related',
    describeRoute({
      tags,
      summary: 'Related articles ("tin liên quan")',
      description:
        'Published articles sharing tags, the category or title words with this one, best first: ' +
        '3 points a shared tag, 2 for the same category, up to 2 for a similar title; newest first among equals.',
      responses: responses(RelatedList, { 404: 'No published article with that id' }),
    }),
    validate('param', IdParam),
    validate('query', RelatedQuery),
    publicCache({ sMaxAge: 300 }),
    readCache(),
    async (c) => {
      const bundles = await relatedArticles(reads(c), c.req.valid('param').id, c.req.valid('query').limit)
      if (!bundles) throw notFound('Published article')
      return c.json({ data: serializeArticles(c, bundles) }, 200)
    },
  )
