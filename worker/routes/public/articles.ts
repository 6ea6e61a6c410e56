import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ArticleList, ArticleListQuery, ArticleReadQuery, ArticleResponse } from '../../../schema/api/article'
import { IdParam, SlugParam } from '../../../schema/api/common'
import { notFound } from '../../lib/errors'
import { validate } from '../../middleware/validate'
import { responses } from './openapi-helpers'
import { publicCache } from '../../middleware/public-cache'
import { readCache } from '../../middleware/read-cache'
import { pickFields } from '../../serializers/article-public'
import { listPublishedArticles } from '../../services/articles/public-list'
import { getPublishedArticleById, getPublishedArticleBySlug } from '../../services/articles/public-read'
import { reads, serializeArticles as serialize } from './serialize'

const tags = ['Articles']

/** Published articles: list, by id, by slug (old slugs redirect). */
export const publicArticles = new Hono<AppEnv>()
  .get(
    '/',
    describeRoute({
      tags,
      summary: 'List published articles',
      description: 'Newest first by default. Keyset pagination: pass `next_cursor` back as `cursor`.',
      responses: responses(ArticleList, { 404: 'Unknown category, tag or author' }),
    }),
    validate('query', ArticleListQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const q = c.req.valid('query')
      const page = await listPublishedArticles(reads(c), q)
      const data = (await serialize(c, page.items)).map((a) => pickFields(a, q.fields))
      return c.json({ data, next_cursor: page.nextCursor }, 200)
    },
  )
  .get(
    '/slug/:slug',
    describeRoute({
      tags,
      summary: 'One published article by slug',
      description: 'A slug the article used to have answers 301 with the current location.',
      responses: {
        ...responses(ArticleResponse, { 404: 'No published article with that slug' }),
        301: { description: 'The article moved to a new slug (see Location)' },
      },
    }),
    validate('param', SlugParam),
    validate('query', ArticleReadQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const { slug } = c.req.valid('param')
      const found = await getPublishedArticleBySlug(reads(c), slug)
      if (found.kind === 'moved') {
        const search = new URL(c.req.url).search
        c.header('Cache-Control', 'public, max-age=300, s-maxage=3600')
        return c.redirect(`/api/v1/articles/slug/${found.slug}${search}`, 301)
      }
      if (found.kind === 'missing') throw notFound('Published article')
      const [article] = await serialize(c, [found.bundle])
      return c.json({ data: pickFields(article!, c.req.valid('query').fields) }, 200)
    },
  )
  .get(
    '/:id',
    describeRoute({
      tags,
      summary: 'One published article by id',
      responses: responses(ArticleResponse, { 404: 'No published article with that id' }),
    }),
    validate('param', IdParam),
    validate('query', ArticleReadQuery),
    publicCache(),
    readCache(),
    async (c) => {
      const bundle = await getPublishedArticleById(reads(c), c.req.valid('param').id)
      if (!bundle) throw notFound('Published article')
      const [article] = await serialize(c, [bundle])
      return c.json({ data: pickFields(article!, c.req.valid('query').fields) }, 200)
    },
  )

