import { isNonHumanView } from './bots'
import { viewCounterFor } from './counter'

export interface ViewRequest {
  articleId: number
  headers: Headers
  ctx: Pick<ExecutionContext, 'waitUntil'>
}

/**
 * Counts a reader's view in this isolate's counter: no D1 and no KV call on the
 * request (the counter writes KV later, in the background). Crawlers and prefetches
 * are not counted. Any well-formed id is counted here; the cron rollup folds only
 * the counts of articles that are published when it runs and drops the rest
 * (unknown ids, drafts, scheduled, archived, trashed: rollup-sql.ts), so those are
 * never counted and the beacon never asks D1 whether an article is visible.
 * Returns whether it counted.
 */
export function countView(kv: KVNamespace, view: ViewRequest): boolean {
  if (isNonHumanView(view.headers)) return false
  viewCounterFor(kv).record(view.articleId, view.ctx)
  return true
}
