import { runBatch } from '../../db/batch'
import type { D1Handle, Db } from '../../db/client'

/** Which due deliveries a sender takes. */
export interface ClaimScope {
  now: Date
  limit: number
  /** Only the never-tried deliveries of these articles (the first try after a save). */
  articleIds?: number[]
  /** Only these deliveries (a test ping). */
  ids?: string[]
}

const DELIVERY_COLUMNS = ['id', 'webhook_id', 'event', 'article_id', 'article_slug', 'article_version', 'payload', 'attempts', 'created_at'] as const

export interface ClaimedHook {
  id: number
  url: string
  secret: string
  active: 0 | 1
}

/**
 * Takes due deliveries for one sender, as ONE batch (one round trip): an UPDATE that
 * marks them with a random claim and a lease (and counts the try), then the webhooks
 * they go to. The UPDATE is atomic, so two senders (a save's waitUntil and the cron)
 * never take the same row; a sender that dies leaves it to be taken again when its
 * lease ends.
 */
export async function claimDeliveries(db: Db, d1: D1Handle, scope: ClaimScope, leaseMs: number) {
  const claim = crypto.randomUUID()
  const now = scope.now.toISOString()
  const due = db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .$if(scope.articleIds !== undefined, (q) => q.where('article_id', 'in', scope.articleIds!).where('attempts', '=', 0))
    .$if(scope.ids !== undefined, (q) => q.where('id', 'in', scope.ids!))
    .orderBy('next_attempt_at')
    .limit(scope.limit)
  const [taken, hooks] = await runBatch(d1, [
    db
      .updateTable('webhook_deliveries')
      .set((eb) => ({ claim, lease_until: new Date(scope.now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', 'in', due)
      .returning(DELIVERY_COLUMNS),
    db.selectFrom('webhooks').select(['id', 'url', 'secret', 'active']).where('id', 'in', db.selectFrom('webhook_deliveries').select('webhook_id').where('claim', '=', claim)),
  ])
  return {
    claim,
    deliveries: (taken!.results as ClaimedDelivery[]).sort((a, b) => a.created_at.localeCompare(b.created_at)),
    hooks: new Map((hooks!.results as ClaimedHook[]).map((h) => [h.id, h])),
  }
}

export interface ClaimedDelivery {
  id: string
  webhook_id: number
  event: string
  article_id: number | null
  article_slug: string | null
  article_version: number | null
  payload: string | null
  /** Tries so far, this one included. */
  attempts: number
  created_at: string
}
