import type { AppEnv } from '../../middleware/database'
import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { SlugParam } from '../../../schema/api/common'
import { AuthorList, CategoryList, CategoryResponse, NoQuery, TagList, TaxonomyListQuery } from '../../../schema/api/taxonomy'
import { notFound } from '../../lib/errors'
import { siteSettings } from '../../lib/settings'
import { publicCache } from '../../middleware/public-cache'
import { readCache } from '../../middleware/read-cache'
import { validate } from '../../middleware/validate'
import { serializeAuthor, serializeCategory, serializeTag } from '../../serializers/taxonomy-public'
import { findCategoryBySlug, listCategories, listPublicAuthors, listPublicTags } from '../../services/taxonomy-public'
import { responses } from './openapi-helpers'

/** Categories (a tree), tags and authors, for navigation menus and filters. */
export const publicTaxonomies = new Hono<AppEnv>()
  .get(
    '/categories',
    describeRoute({ tags: ['Taxonomies'], summary: 'The category tree', description: 'Every category with its direct children; top-level ones have parent_id null.', responses: responses(CategoryList) }),
    validate('query', NoQuery),
    publicCache({ sMaxAge: 300 }),
    readCache(),
    async (c) => {
      const rows = await listCategories(c.var.db)
      const settings = siteSettings(c.env)
      const data = rows.map((cat) => serializeCategory(cat, rows.filter((r) => r.parent_id === cat.id), settings))
      return c.json({ data }, 200)
    },
  )
  .get(
    '/categories/:slug',
    describeRoute({
      tags: ['Taxonomies'],
      summary: 'One category with its children',
      description: 'A slug the category used to have answers 301 with the current location.',
      responses: { ...responses(CategoryResponse, { 404: 'No such category' }), 301: { description: 'The category was renamed (see Location)' } },
    }),
    validate('param', SlugParam),
    validate('query', NoQuery),
    publicCache({ sMaxAge: 300 }),
    readCache(),
    async (c) => {
      const { slug } = c.req.valid('param')
      const found = await findCategoryBySlug(c.var.db, c.var.d1, slug)
      if (!('category' in found)) {
        if (!found.movedTo) throw notFound('Category')
        c.header('Cache-Control', 'public, max-age=300, s-maxage=3600')
        return c.redirect(`/api/v1/categories/${found.movedTo}`, 301)
      }
      return c.json({ data: serializeCategory(found.category, found.children, siteSettings(c.env)) }, 200)
    },
  )
  .get(
    '/tags',
    describeRoute({ tags: ['Taxonomies'], summary: 'Tags with published articles, in Vietnamese alphabetical order', responses: responses(TagList) }),
    validate('query', TaxonomyListQuery),
    publicCache({ sMaxAge: 300 }),
    readCache(),
    async (c) => {
      const page = await listPublicTags(c.var.db, c.req.valid('query'))
      return c.json({ data: page.items.map(serializeTag), next_cursor: page.nextCursor }, 200)
    },
  )
  .get(
    '/authors',
    describeRoute({ tags: ['Taxonomies'], summary: 'Authors with published articles, in Vietnamese alphabetical order', responses: responses(AuthorList) }),
    validate('query', TaxonomyListQuery),
    publicCache({ sMaxAge: 300 }),
    readCache(),
    async (c) => {
      const page = await listPublicAuthors(c.var.db, c.req.valid('query'))
      return c.json({ data: page.items.map(serializeAuthor), next_cursor: page.nextCursor }, 200)
    },
  )
