import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../../db/client'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publicExtras, toPublicBundles } from '../articles/public-bundle'
import { readBatch, type PublicReads } from '../articles/read-batch'
import { assertCategoryInScope } from '../articles/category-scope'
import { assertFiltersFound, filterCheck, idOfSlug } from '../articles/slug-filters'
import { peekOffset, rankCursor } from './page-cursor'
import { compileQuery } from './query'
import { rankedIds, type SearchScope } from './rank'
import type { PublicHit, SearchInput, SearchPage } from './search'

const PUBLIC: SearchScope = { kind: 'public' }

/**
 * The page's articles in rank order, each with its links, view total and plain text
 * (for snippets). The ranking is a subquery; the row past the page (ranked only to
 * know that more follow) joins no article.
 */
function hitsQuery(db: Db, ranked: RawBuilder<{ id: number; pos: number }>, pageEnd: number) {
  return db
    .selectFrom(sql<{ id: number; pos: number }>`(${ranked})`.as('ranked'))
    .leftJoin('articles as a', (join) => join.onRef('a.id', '=', 'ranked.id').on('ranked.pos', '<=', pageEnd))
    .select(PUBLIC_ARTICLE_COLUMNS)
    .select(['a.body_text', 'ranked.pos'])
    .select(publicExtras(db))
    .orderBy('ranked.pos')
}

/**
 * Published articles matching a reader's query, best first, with their text for
 * snippets: one D1 round trip (ranking, articles and the category check in one
 * batch). The cursor's offset is used before the read and the cursor checked
 * against the query after it, once the category's id is known (as before: an
 * unknown category is a 404, then a cursor of another query a 400).
 */
export async function searchPublished(r: PublicReads, input: SearchInput): Promise<SearchPage<PublicHit>> {
  const query = compileQuery(input.q)
  const offset = peekOffset(input.cursor)
  const category = input.category ? idOfSlug(r.db, 'categories', input.category) : undefined
  const ranked = rankedIds({ query, scope: PUBLIC, categoryId: category, categories: r.categories, limit: input.limit, offset })
  const check = filterCheck(r.db, { category: input.category })
  const queries = [...(ranked ? [hitsQuery(r.db, ranked, offset + input.limit)] : []), ...(check ? [check] : [])]
  const read = queries.length ? await readBatch(r, queries) : null
  const checked = check && read ? read.rows.at(-1)![0] : undefined
  if (check) assertFiltersFound(checked, { category: input.category })
  if (check) assertCategoryInScope(checked, input.category, r.categories)
  const categoryId = checked?.category as number | undefined
  const cursor = rankCursor(input.cursor, [PUBLIC, query.folded, query.exact, categoryId])
  const rows = ranked && read ? read.rows[0]! : []
  const page = rows.filter((row) => (row.pos as number) <= offset + input.limit)
  const bundles = read ? toPublicBundles(page, read) : []
  return {
    items: bundles.map((bundle, i) => ({ bundle, bodyText: page[i]!.body_text as string })),
    nextCursor: cursor.next(input.limit, rows.length > page.length),
    isHit: query.isHit,
  }
}
