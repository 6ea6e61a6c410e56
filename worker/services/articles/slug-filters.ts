import { sql, type Compilable } from 'kysely'
import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'

type Taxonomy = 'categories' | 'tags' | 'authors'

/** The filters a public list may take by slug, in the order an unknown one is reported. */
const FILTERS = [
  { param: 'category', table: 'categories', label: 'Category', links: null },
  { param: 'tag', table: 'tags', label: 'Tag', links: { table: 'article_tags', column: 'tag_id' } },
  { param: 'author', table: 'authors', label: 'Author', links: { table: 'article_authors', column: 'author_id' } },
] as const

export type SlugFilters = Partial<Record<(typeof FILTERS)[number]['param'], string | undefined>>

/**
 * The id of a category, tag or author slug as a subquery of the statement that
 * filters by it, so the slug costs no round trip of its own. SQLite evaluates it
 * once and searches indexes with its value; an unknown slug gives NULL, which
 * matches no row (filterCheck tells that apart from an empty list).
 *
 * @example
 * query.where('a.category_id', '=', idOfSlug(db, 'categories', 'thoi-su'))
 */
export const idOfSlug = (db: Db, table: Taxonomy, slug: string) => db.selectFrom(table).select(`${table}.id`).where(`${table}.slug`, '=', slug)

/**
 * One row telling which of the filter slugs exist (a column each, null when
 * unknown), to run in the same batch as the filtered read; null when there is no
 * slug to check. A tag or byline counts as existing only once a published article
 * carries it (`pub_at` on its link, one probe of the `*_public` index): one used
 * only by drafts answers exactly like an unknown one, so the public API never
 * reveals what the newsroom is preparing. Categories are public as a tree.
 */
export function filterCheck(db: Db, filters: SlugFilters): Compilable | null {
  const asked = FILTERS.filter((f) => filters[f.param])
  if (asked.length === 0) return null
  return db.selectNoFrom((eb) =>
    asked.map((f) => {
      const row = eb.selectFrom(f.table).select(`${f.table}.id`).where(`${f.table}.slug`, '=', filters[f.param]!)
      if (!f.links) return row.as(f.param)
      const { table, column } = f.links
      const used = sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE ${sql.ref(`${table}.${column}`)} = ${sql.ref(`${f.table}.id`)} AND ${sql.ref(`${table}.pub_at`)} IS NOT NULL)`
      return row.where(used).as(f.param)
    }),
  )
}

/** An unknown slug is a 404 (the first of category, tag, author), never an empty list. */
export function assertFiltersFound(row: Record<string, unknown> | undefined, filters: SlugFilters): void {
  for (const f of FILTERS) {
    const slug = filters[f.param]
    if (slug && (row?.[f.param] ?? null) === null) throw notFound(`${f.label} "${slug}"`)
  }
}
