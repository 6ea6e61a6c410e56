import { sql, type RawBuilder } from 'kysely'
import { jsonObjectFrom } from 'kysely/helpers/sqlite'
import type { FeedLimits } from '../../lib/feed-limits'
import { buildPublishedListQuery } from '../articles/public-list'
import { toPublicBundles, type PublicBundle } from '../articles/public-bundle'
import { readBatch, type PublicReads } from '../articles/read-batch'
import { assertCategoryInScope } from '../articles/category-scope'
import { assertFiltersFound, filterCheck } from '../articles/slug-filters'
import type { FeedScope } from './feed-scope'

/** The cover's file facts an enclosure needs besides what the article bundle has. */
export interface CoverFile {
  content_type: string
  size: number
}

export interface FeedArticle {
  bundle: PublicBundle
  coverFile: CoverFile | null
  /** Whether this item carries its full body (the scope allows it and the feed's body budget has room). */
  fullBody: boolean
}

/**
 * The newest published articles of a feed, site-wide or of one category, in ONE D1
 * round trip: the public list statement (links and cover as JSON, walking the
 * published-time index) plus each cover's type and size, and the category check
 * in the same batch (an unknown slug is a 404). A scope limited to some categories
 * sees only those: another category answers 404, as an unknown one does.
 * Bodies are carried in full until `feedBodyChars` is spent; later items get their
 * summary only, so a feed of 50 long articles stays a few MB.
 */
export async function listFeedArticles(
  r: PublicReads,
  q: { category?: string; scope: FeedScope; limits: Pick<FeedLimits, 'feedItems' | 'feedBodyChars'> },
): Promise<FeedArticle[]> {
  const allowed = q.scope.categories
  const { query } = buildPublishedListQuery(r.db, { limit: q.limits.feedItems, sort: '-published_at', category: q.category }, allowed)
  const feedQuery = query
    .select(
      (jsonObjectFrom(
        r.db.selectFrom('media as fm').select(['fm.content_type', 'fm.size']).where('fm.id', '=', sql.ref<number>('a.cover_media_id')),
      ) as unknown as RawBuilder<string | null>).as('cover_file_json'),
    )
  const check = filterCheck(r.db, { category: q.category })
  const read = await readBatch(r, check ? [feedQuery, check] : [feedQuery])
  if (check) {
    assertFiltersFound(read.rows[1]![0], { category: q.category })
    assertCategoryInScope(read.rows[1]![0], q.category, allowed)
  }
  const rows = read.rows[0]!.slice(0, q.limits.feedItems)
  const bundles = toPublicBundles(rows.map(({ cover_file_json, ...row }) => row), read)
  let bodyChars = 0
  return bundles.map((bundle, i) => {
    bodyChars += bundle.article.body_html.length
    const coverJson = rows[i]!.cover_file_json as string | null
    return {
      bundle,
      coverFile: coverJson ? (JSON.parse(coverJson) as CoverFile) : null,
      fullBody: q.scope.fullBody && (i === 0 || bodyChars <= q.limits.feedBodyChars),
    }
  })
}
