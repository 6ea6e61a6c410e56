import { sql } from 'kysely'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { titleWordPairs } from '../../lib/title-pairs'

/** Articles given their title pairs per statement: ~100 titles and pairs stay well under D1's 100 KB. */
const PER_STATEMENT = 100

/**
 * Computes `title_pairs` for up to `limit` articles that have none (written before
 * the column existed, or retitled by a writer that did not set them), through the
 * partial index that holds only those. Each statement sets pairs only where the
 * title is still the one they were computed from, so a concurrent edit is never
 * overwritten with stale pairs. Returns how many it filled.
 *
 * @example
 * await fillTitlePairs(createDb(env.DB), env.DB, 1_000)
 */
export async function fillTitlePairs(db: Db, d1: D1Handle, limit: number): Promise<number> {
  const rows = await db
    .selectFrom('articles as a')
    .select(['a.id', 'a.title'])
    .where('a.title_pairs', 'is', null)
    .orderBy('a.id')
    .limit(limit)
    .execute()
  const updates = []
  for (let i = 0; i < rows.length; i += PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + PER_STATEMENT).map((r) => [r.id, r.title, JSON.stringify(titleWordPairs(r.title))]))
    updates.push(
      db
        .updateTable('articles')
        .from(sql<{ value: string }>`json_each(${json})`.as('j'))
        .set({ title_pairs: sql`json_extract(j.value, '$[2]')` })
        .whereRef('articles.id', '=', sql`json_extract(j.value, '$[0]')`)
        .whereRef('articles.title', '=', sql`json_extract(j.value, '$[1]')`),
    )
  }
  await runBatch(d1, updates)
  return rows.length
}
