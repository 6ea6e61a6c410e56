import { sql } from 'kysely'
import { titlePairsJson } from '../../lib/title-pairs'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { publicExtras, toPublicBundles, type PublicBundle } from '../articles/public-bundle'
import { readBatch, type PublicReads } from '../articles/read-batch'
import { inCategories } from '../articles/category-scope'
import { publiclyVisible } from '../articles/visibility'
import { relatedRanking } from './related-sql'

/**
 * Related articles ("tin liên quan") of a published article, best first (scoring in
 * related-sql.ts): null when the article is not publicly visible. One D1 round trip:
 * the source check and the ranked articles with their links and views are one
 * batch. An article whose title pairs are not computed yet (written before
 * 0006_title_pairs.sql, until the cron fills them) costs a second one, with the
 * pairs computed here from the title the first returned.
 */
export async function relatedArticles(r: PublicReads, id: number, limit: number): Promise<PublicBundle[] | null> {
  let pairs: string | null = null
  for (;;) {
    const article = r.db.selectFrom('articles as a').select(['a.title', 'a.title_pairs']).where('a.id', '=', id).where(publiclyVisible())
    const source = r.categories ? article.where(inCategories(r.categories)) : article
    const related = r.db
      .selectFrom(sql<{ id: number; pos: number }>`(${relatedRanking(id, limit, pairs, r.categories)})`.as('ranked'))
      .crossJoin('articles as a')
      .whereRef('a.id', '=', 'ranked.id')
      .select(PUBLIC_ARTICLE_COLUMNS)
      .select(publicExtras(r.db))
      .orderBy('ranked.pos')
    const read = await readBatch(r, [source, related])
    const src = read.rows[0]![0] as { title: string; title_pairs: string | null } | undefined
    if (!src) return null
    if (src.title_pairs !== null || pairs !== null) return toPublicBundles(read.rows[1]!, read)
    pairs = titlePairsJson(src.title)
  }
}
