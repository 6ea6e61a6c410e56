import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { NoQuery, SitemapFileParam } from '../../../schema/api/feeds'
import { notFound } from '../../lib/errors'
import { feedLimits } from '../../lib/feed-limits'
import { siteSettings } from '../../lib/settings'
import type { AppEnv } from '../../middleware/database'
import { publicCache } from '../../middleware/public-cache'
import { readCache } from '../../middleware/read-cache'
import { validate } from '../../middleware/validate'
import { newsSitemapDocument } from '../../serializers/sitemap/news'
import { sitemapIndexDocument, urlsetDocument } from '../../serializers/sitemap/urlset'
import { recentNewsArticles } from '../../services/feeds/news-articles'
import { sitemapBlock, sitemapOverview } from '../../services/feeds/sitemap-articles'
import { reads } from '../public/serialize'
import { documentResponses } from './openapi'

const tags = ['Sitemaps']
const XML = 'application/xml; charset=utf-8'
const xmlResponses = (description: string, errors?: Record<number, string>) => documentResponses('application/xml', description, errors)

/**
 * Sitemaps for search engines (docs/feeds.md): `/sitemap.xml` is a urlset of every
 * published article while there are at most SITEMAP_PAGE_SIZE (50,000), and past
 * that an index of `/sitemaps/articles-{n}.xml`, blocks of article ids; plus the
 * Google News sitemap of the last 48 hours. One D1 round trip each, cached like
 * every public read.
 */
export const sitemapRoutes = new Hono<AppEnv>()
  .get(
    '/sitemap.xml',
    describeRoute({ tags, summary: 'Sitemap: every published article, or the index of article sitemaps past 50,000', responses: xmlResponses('A urlset or a sitemapindex') }),
    validate('query', NoQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const settings = siteSettings(c.env)
      const found = await sitemapOverview(reads(c), feedLimits(c.env).sitemapPageSize)
      const body =
        found.kind === 'urlset' ? urlsetDocument(settings, found.articles) : sitemapIndexDocument(settings, new URL(c.req.url).origin, found.blocks)
      return c.body(body, 200, { 'Content-Type': XML })
    },
  )
  .get(
    '/sitemaps/:file',
    describeRoute({ tags, summary: 'One article sitemap of the index (`articles-{n}.xml`)', responses: xmlResponses('A urlset of at most 50,000 articles', { 404: 'No published article in that block' }) }),
    validate('param', SitemapFileParam),
    validate('query', NoQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const articles = await sitemapBlock(reads(c), c.req.valid('param').file, feedLimits(c.env).sitemapPageSize)
      if (articles.length === 0) throw notFound('Sitemap')
      return c.body(urlsetDocument(siteSettings(c.env), articles), 200, { 'Content-Type': XML })
    },
  )
  .get(
    '/sitemap-news.xml',
    describeRoute({ tags, summary: 'Google News sitemap: articles published in the last 48 hours (at most 1,000)', responses: xmlResponses('A news urlset') }),
    validate('query', NoQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const articles = await recentNewsArticles(reads(c), feedLimits(c.env).newsMaxUrls)
      return c.body(newsSitemapDocument(siteSettings(c.env), articles), 200, { 'Content-Type': XML })
    },
  )
