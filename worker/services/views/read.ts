import { viewCounterFor, type ViewCounter } from './counter'
import type { D1Handle } from '../../db/client'
import { selectDone } from './rollup-sql'

/**
 * Views of each article as this isolate knows them: the total rolled up into D1
 * plus the counts it holds itself (not yet flushed, or flushed and not yet rolled
 * up). Totals and "which of my shards are rolled up" are read in one D1 batch, a
 * single snapshot, so a shard is added on top of the total exactly when the total
 * does not already contain it.
 */
export async function viewTotals(d1: D1Handle, kv: KVNamespace, ids: number[]): Promise<Map<number, number>> {
  return readViewTotals(d1, viewCounterFor(kv), ids)
}

export async function readViewTotals(d1: D1Handle, counter: ViewCounter, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const asked = counter.unconfirmed()
  const statements = [
    d1.prepare('SELECT article_id, total FROM article_views WHERE article_id IN (SELECT value FROM json_each(?))').bind(JSON.stringify(ids)),
  ]
  if (asked.length) statements.push(selectDone(d1, asked.map((s) => s.key)))
  const [totals, done] = await d1.batch<Record<string, unknown>>(statements)
  const rolledUp = new Set((done?.results ?? []).map((r) => String(r.key)))
  counter.confirm(rolledUp)
  const local = counter.localCounts(ids, asked, rolledUp)
  const stored = new Map(totals!.results.map((r) => [Number(r.article_id), Number(r.total)]))
  return new Map(ids.map((id) => [id, (stored.get(id) ?? 0) + (local.get(id) ?? 0)]))
}
