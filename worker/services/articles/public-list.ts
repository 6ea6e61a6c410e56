import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import type { ArticleListQuery, ArticleSort } from '../../../schema/api/article'
import { decodeCursor, encodeCursor } from '../../lib/cursor'
import { notFound } from '../../lib/errors'
import { PUBLIC_ARTICLE_COLUMNS } from './columns'
import { publiclyVisible } from './visibility'
import { loadBundles, type ArticleBundle, type ArticleRow } from './bundle'

interface SortPlan {
  /** Column holding the sort value; `{src}` is replaced by the driving table's alias. */
  column: string
  idColumn: string
  direction: 'asc' | 'desc'
  valueOf: (row: ArticleRow & { title_sort?: string }) => string | number | null
}

const SORTS: Record<ArticleSort, Omit<SortPlan, 'idColumn'>> = {
  '-published_at': { column: 'a.published_at', direction: 'desc', valueOf: (r) => r.published_at },
  published_at: { column: 'a.published_at', direction: 'asc', valueOf: (r) => r.published_at },
  '-updated_at': { column: 'a.updated_at', direction: 'desc', valueOf: (r) => r.updated_at },
  updated_at: { column: 'a.updated_at', direction: 'asc', valueOf: (r) => r.updated_at },
  title: { column: 'a.title_sort', direction: 'asc', valueOf: (r) => r.title_sort ?? null },
  '-title': { column: 'a.title_sort', direction: 'desc', valueOf: (r) => r.title_sort ?? null },
  position: { column: 'a.featured_position', direction: 'asc', valueOf: (r) => r.featured_position },
}

export interface ArticlePage {
  items: ArticleBundle[]
  nextCursor: string | null
}

/** Resolves taxonomy slugs to ids; an unknown slug is a 404, not an empty list. */
async function resolveFilters(db: Db, q: ArticleListQuery) {
  const lookup = async (table: 'categories' | 'tags' | 'authors', slug: string | undefined, label: string) => {
    if (!slug) return undefined
    const row = await db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst()
    if (!row) throw notFound(`${label} "${slug}"`)
    return row.id
  }
  const [categoryId, tagId, authorId] = await Promise.all([
    lookup('categories', q.category, 'Category'),
    lookup('tags', q.tag, 'Tag'),
    lookup('authors', q.author, 'Author'),
  ])
  return { categoryId, tagId, authorId }
}

/**
 * Published articles for the public list: filters, an allowlisted sort and keyset
 * pagination. Every path walks an index in sort order (see the migration); tag and
 * author pages with the default sort are driven from the link table's `pub_at`
 * index so they never sort all of a tag's articles.
 */
export async function listPublishedArticles(db: Db, q: ArticleListQuery): Promise<ArticlePage> {
  const { categoryId, tagId, authorId } = await resolveFilters(db, q)
  const sortDef = SORTS[q.sort]
  const byPublishTime = q.sort === '-published_at' || q.sort === 'published_at'
  const driver = byPublishTime && tagId !== undefined ? 'tag' : byPublishTime && authorId !== undefined ? 'author' : 'articles'

  let query = db.selectFrom('articles as a').select([...PUBLIC_ARTICLE_COLUMNS, 'a.title_sort']).where(publiclyVisible())
  let plan: SortPlan = { ...sortDef, idColumn: 'a.id' }

  if (driver === 'tag') {
    query = query
      .innerJoin('article_tags as at', 'at.article_id', 'a.id')
      .where('at.tag_id', '=', tagId!)
      .where('at.pub_at', 'is not', null)
    plan = { ...sortDef, column: 'at.pub_at', idColumn: 'at.article_id' }
  } else if (driver === 'author') {
    query = query
      .innerJoin('article_authors as aa', 'aa.article_id', 'a.id')
      .where('aa.author_id', '=', authorId!)
      .where('aa.pub_at', 'is not', null)
    plan = { ...sortDef, column: 'aa.pub_at', idColumn: 'aa.article_id' }
  }
  if (tagId !== undefined && driver !== 'tag') {
    query = query.where('a.id', 'in', db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId))
  }
  if (authorId !== undefined && driver !== 'author') {
    query = query.where('a.id', 'in', db.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId))
  }
  if (categoryId !== undefined) query = query.where('a.category_id', '=', categoryId)
  if (q.featured === 'true') query = query.where(sql<boolean>`a.featured = 1`)
  if (q.featured === 'false') query = query.where(sql<boolean>`a.featured = 0`)
  if (q.since) query = query.where('a.published_at', '>=', q.since)
  if (q.until) query = query.where('a.published_at', '<', q.until)

  if (q.cursor) {
    const cursor = decodeCursor(q.cursor, q.sort)
    const op = plan.direction === 'desc' ? sql.raw('<') : sql.raw('>')
    query = query.where(
      sql<boolean>`(${sql.ref(plan.column)}, ${sql.ref(plan.idColumn)}) ${op} (${cursor.value}, ${cursor.id})` as RawBuilder<boolean>,
    )
  }

  const rows = await query
    .orderBy(sql.ref(plan.column), plan.direction)
    .orderBy(sql.ref(plan.idColumn), plan.direction)
    .limit(q.limit + 1)
    .execute()

  const hasMore = rows.length > q.limit
  const page = hasMore ? rows.slice(0, q.limit) : rows
  const last = page.at(-1)
  const nextCursor =
    hasMore && last ? encodeCursor({ sort: q.sort, value: plan.valueOf(last), id: last.id }) : null
  return { items: await loadBundles(db, page), nextCursor }
}
