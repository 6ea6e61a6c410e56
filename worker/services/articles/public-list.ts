import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import type { ArticleListQuery, ArticleSort } from '../../../schema/api/article'
import { decodeCursor, encodeCursor } from '../../lib/cursor'
import type { ArticleRow } from './bundle'
import { PUBLIC_ARTICLE_COLUMNS } from './columns'
import { rowsWithinBodyBudget } from './page-budget'
import { publicExtras, toPublicBundles, type PublicBundle } from './public-bundle'
import { readBatch, type PublicReads } from './read-batch'
import { assertCategoryInScope, inCategories } from './category-scope'
import { assertFiltersFound, filterCheck, idOfSlug } from './slug-filters'
import { publiclyVisible } from './visibility'

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
  items: PublicBundle[]
  nextCursor: string | null
}

/**
 * Published articles for the public list: filters, an allowlisted sort and keyset
 * pagination, in ONE D1 round trip: the list statement (filter slugs as subqueries,
 * each article's links as JSON) and, with filters, the check that their slugs exist
 * (an unknown slug is a 404, not an empty list) run as one batch. Every path walks
 * an index in sort order (see the migration); tag and author pages with the default
 * sort are driven from the link table's `pub_at` index so they never sort all of a
 * tag's articles.
 */
export async function listPublishedArticles(r: PublicReads, q: ArticleListQuery): Promise<ArticlePage> {
  const { query, plan } = buildPublishedListQuery(r.db, q, r.categories)
  const check = filterCheck(r.db, q)
  const read = await readBatch(r, check ? [query, check] : [query])
  if (check) assertFiltersFound(read.rows[1]![0], q)
  if (check) assertCategoryInScope(read.rows[1]![0], q.category, r.categories)
  const rows = read.rows[0] as (ArticleRow & { title_sort: string; body_html: string })[]
  const full = rows.slice(0, q.limit)
  const page = full.slice(0, rowsWithinBodyBudget(full))
  const hasMore = rows.length > page.length
  const last = page.at(-1)
  const nextCursor =
    hasMore && last ? encodeCursor({ sort: q.sort, value: plan.valueOf(last), id: last.id }) : null
  return { items: toPublicBundles(page, read), nextCursor }
}

/**
 * The list statement itself, separate from running it so tests can EXPLAIN the
 * exact SQL the API sends and check it never scans the table or sorts in a temp
 * b-tree.
 */
export function buildPublishedListQuery(db: Db, q: ArticleListQuery, categories?: readonly number[] | null) {
  const sortDef = SORTS[q.sort]
  const byPublishTime = q.sort === '-published_at' || q.sort === 'published_at'
  const driver = byPublishTime && q.tag ? 'tag' : byPublishTime && q.author ? 'author' : 'articles'
  const tagId = q.tag ? idOfSlug(db, 'tags', q.tag) : undefined
  const authorId = q.author ? idOfSlug(db, 'authors', q.author) : undefined

  let query = db
    .selectFrom('articles as a')
    .select([...PUBLIC_ARTICLE_COLUMNS, 'a.title_sort'])
    .select(publicExtras(db))
    .where(publiclyVisible())
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
  // Filters that do not drive the query are correlated EXISTS checks, so the planner
  // keeps walking the ordered index instead of collecting and sorting the tag's rows.
  if (tagId !== undefined && driver !== 'tag') {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_tags as ft').select('ft.tag_id').whereRef('ft.article_id', '=', 'a.id').where('ft.tag_id', '=', tagId)),
    )
  }
  if (authorId !== undefined && driver !== 'author') {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('article_authors as fa').select('fa.author_id').whereRef('fa.article_id', '=', 'a.id').where('fa.author_id', '=', authorId)),
    )
  }
  if (q.category) query = query.where('a.category_id', '=', idOfSlug(db, 'categories', q.category))
  if (categories) query = query.where(inCategories(categories))
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

  const ordered = query
    .orderBy(sql.ref(plan.column), plan.direction)
    .orderBy(sql.ref(plan.idColumn), plan.direction)
    .limit(q.limit + 1)
  return { query: ordered, plan }
}
