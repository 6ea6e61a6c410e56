import { sql } from 'kysely'
import { notFound } from '../../lib/errors'

/**
 * Limits a public read to a caller's categories (a partner key's, subcategories
 * already expanded: services/api-keys/verify.ts). The ids travel as ONE JSON
 * parameter, whatever their number (D1 allows 100 bound parameters).
 *
 * @example
 * if (r.categories) query = query.where(inCategories(r.categories))
 */
export const inCategories = (categories: readonly number[], column = 'a.category_id') =>
  sql<boolean>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(categories)}))`

/**
 * A category filter outside the caller's categories is a 404, the same answer as
 * an unknown slug, so a key cannot tell the two apart. `row` is filterCheck's.
 */
export function assertCategoryInScope(row: Record<string, unknown> | undefined, slug: string | undefined, categories: readonly number[] | null | undefined) {
  if (slug && categories && !categories.includes(row?.category as number)) throw notFound(`Category "${slug}"`)
}
