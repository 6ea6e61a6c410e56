import type { ViewCounter } from './counter'
import type { D1Handle } from '../../db/client'
import { selectDone } from './rollup-sql'

/**
 * This isolate's share of a D1 read of view totals: the counts it holds itself (not
 * yet flushed, or flushed and not yet rolled up into the totals).
 */
export interface LocalViews {
  /**
   * "Which of my shards are rolled up", to run in the same D1 batch as the totals
   * (a batch is one snapshot), or null when the isolate has no shard to ask about.
   */
  statement: D1PreparedStatement | null
  /** After the batch: the counts D1's totals did not include, per article id. */
  counts(done: D1Result | undefined, ids: readonly number[]): Map<number, number>
}

/**
 * The view counts a read must add to the D1 totals it reads. A shard is added on
 * top of a total exactly when the same snapshot shows it not rolled up yet, so a
 * view is never missing from, nor counted twice in, what this isolate shows.
 *
 * @example
 * const local = localViews(d1, viewCounterFor(env.VIEWS))
 * const [rows, done] = await d1.batch([totalsStatement, ...(local.statement ? [local.statement] : [])])
 * const extra = local.counts(done, ids)
 */
export function localViews(d1: D1Handle, counter: ViewCounter): LocalViews {
  const asked = counter.unconfirmed()
  return {
    statement: asked.length ? selectDone(d1, asked.map((s) => s.key)) : null,
    counts(done, ids) {
      const rolledUp = new Set(((done?.results ?? []) as Record<string, unknown>[]).map((r) => String(r.key)))
      counter.confirm(rolledUp)
      return counter.localCounts(ids, asked, rolledUp)
    },
  }
}

/**
 * Views of each article as `counter`'s isolate knows them (D1 total + local counts),
 * in one D1 batch: the totals on their own, where public reads take them inside
 * their row (services/articles/public-bundle.ts) through the same `localViews`.
 */
export async function readViewTotals(d1: D1Handle, counter: ViewCounter, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const local = localViews(d1, counter)
  const totals = d1.prepare('SELECT article_id, total FROM article_views WHERE article_id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(ids))
  const [stored, done] = await d1.batch<Record<string, unknown>>(local.statement ? [totals, local.statement] : [totals])
  const extra = local.counts(done, ids)
  const byId = new Map(stored!.results.map((r) => [Number(r.article_id), Number(r.total)]))
  return new Map(ids.map((id) => [id, (byId.get(id) ?? 0) + (extra.get(id) ?? 0)]))
}
