import type { ArticleStatus } from '../../../schema/database'
import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'
import type { PublicBundle } from '../articles/public-bundle'
import { rankCursor } from './page-cursor'
import { compileQuery } from './query'
import { inRankOrder, rankArticleIds, type SearchScope } from './rank'
import type { Reader } from '../editorial/read-scope'

export interface SearchInput {
  q: string
  /** Category slug; unknown is a 404. */
  category?: string | undefined
  limit: number
  cursor?: string | undefined
}

export interface AdminSearchInput extends SearchInput {
  status?: ArticleStatus | undefined
  /** Search the trash instead of live articles. */
  trash: boolean
  /** Who searches: only articles they may read are found (read-rules.ts). */
  reader: Reader
}

export interface SearchPage<T> {
  items: T[]
  nextCursor: string | null
  /** For highlighting: is this accent-folded word one the reader searched for? */
  isHit: (foldedWord: string) => boolean
}

export interface PublicHit {
  bundle: PublicBundle
  bodyText: string
}

async function categoryIdOf(db: Db, slug: string | undefined): Promise<number | undefined> {
  if (!slug) return undefined
  const row = await db.selectFrom('categories').select('id').where('slug', '=', slug).executeTakeFirst()
  if (!row) throw notFound(`Category "${slug}"`)
  return row.id
}

/**
 * Ranks one page for a scope and loads its rows with `load`, in rank order (the
 * editors' search: three round trips; the public one is public-search.ts).
 */
async function runSearch<T extends { id: number }>(
  db: Db,
  input: SearchInput,
  scope: SearchScope,
  load: (ids: number[]) => Promise<T[]>,
): Promise<SearchPage<T>> {
  const query = compileQuery(input.q)
  const categoryId = await categoryIdOf(db, input.category)
  const cursor = rankCursor(input.cursor, [scope, query.folded, query.exact, categoryId])
  const ranked = await rankArticleIds(db, { query, scope, categoryId, limit: input.limit, offset: cursor.offset })
  const rows = ranked.ids.length ? inRankOrder(ranked.ids, await load(ranked.ids)) : []
  return { items: rows, nextCursor: cursor.next(input.limit, ranked.more), isHit: query.isHit }
}

/** Every article an editor may look for (any status; the trash on request), best first. */
export async function searchAllArticles(db: Db, input: AdminSearchInput) {
  return runSearch(db, input, { kind: 'admin', status: input.status, trash: input.trash, reader: input.reader }, (ids) =>
    db
      .selectFrom('articles as a')
      .leftJoin('categories as c', 'c.id', 'a.category_id')
      .select([
        'a.id', 'a.slug', 'a.title', 'a.summary', 'a.body_text', 'a.status', 'a.version',
        'a.published_at', 'a.scheduled_at', 'a.updated_at', 'a.deleted_at',
        'c.id as category_id', 'c.slug as category_slug', 'c.name as category_name',
      ])
      .where('a.id', 'in', ids)
      .execute(),
  )
}

export type AdminHitRow = Awaited<ReturnType<typeof searchAllArticles>>['items'][number]
