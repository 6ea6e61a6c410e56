import type { Db } from '../../db/client'
import { TtlCache } from '../../lib/ttl-cache'
import { publiclyVisible } from '../articles/visibility'
import { isNonHumanView } from './bots'
import { viewCounterFor } from './counter'

/** Article id -> publicly visible, per isolate (one D1 database per deployment). */
const visibility = new TtlCache<number, boolean>({ maxEntries: 20_000 })

/**
 * Whether views of an article count: it exists and is publicly visible. Answers
 * (negative ones too) are kept `ttlMs` in the isolate, so a hot article's beacons
 * do not query D1 and a burst for an unknown id costs one query.
 */
async function isCountable(db: Db, articleId: number, ttlMs: number): Promise<boolean> {
  const known = visibility.get(articleId)
  if (known !== undefined) return known
  const row = await db.selectFrom('articles as a').select('a.id').where('a.id', '=', articleId).where(publiclyVisible()).executeTakeFirst()
  visibility.set(articleId, row !== undefined, ttlMs)
  return row !== undefined
}

export interface ViewRequest {
  articleId: number
  headers: Headers
  ctx: Pick<ExecutionContext, 'waitUntil'>
  /** How long a visibility answer may be reused (the read cache TTL). */
  ttlMs: number
}

/**
 * Counts a reader's view in this isolate's counter. Crawlers, prefetches and
 * articles that are not publicly visible are not counted. Returns whether it counted.
 */
export async function countView(db: Db, kv: KVNamespace, view: ViewRequest): Promise<boolean> {
  if (isNonHumanView(view.headers)) return false
  if (!(await isCountable(db, view.articleId, view.ttlMs))) return false
  viewCounterFor(kv).record(view.articleId, view.ctx)
  return true
}
