import { sql } from 'kysely'
import type { WebhookEvent } from '../../../schema/tables/webhooks'
import type { D1Handle, Db } from '../../db/client'

export interface OutboxArticle {
  id: number
  slug: string
  /** The article's version after the save. */
  version: number
}

/**
 * The outbox statement of an article save, not run: one delivery row per active
 * webhook subscribed to `event`, inserted by the save's own D1 batch (no extra round
 * trip; it lands exactly when the save does, and queues nothing when no webhook
 * matches). Nine bound values, far below D1's 100. The delivery id is made by
 * SQLite, one per row.
 *
 * @example
 * queries.push(outboxInsert(db, 'article.published', { id, slug, version }, now))
 */
export function outboxInsert(db: Db, event: WebhookEvent, article: OutboxArticle, now: string) {
  return db
    .insertInto('webhook_deliveries')
    .columns(['id', 'webhook_id', 'event', 'article_id', 'article_slug', 'article_version', 'next_attempt_at', 'created_at', 'updated_at'])
    .expression(
      db
        .selectFrom('webhooks as w')
        .select([
          sql<string>`lower(hex(randomblob(16)))`.as('id'),
          'w.id as webhook_id',
          sql<string>`${event}`.as('event'),
          sql<number>`${article.id}`.as('article_id'),
          sql<string>`${article.slug}`.as('article_slug'),
          sql<number>`${article.version}`.as('article_version'),
          sql<string>`${now}`.as('next_attempt_at'),
          sql<string>`${now}`.as('created_at'),
          sql<string>`${now}`.as('updated_at'),
        ])
        .where('w.active', '=', 1)
        .where(sql<boolean>`EXISTS (SELECT 1 FROM json_each(w.events) WHERE json_each.value = ${event})`),
    )
}

/**
 * Articles whose saves queued deliveries during a request, by the request's D1
 * session (one per request, middleware/database.ts): plain ids, so the admin API can
 * send them after its answer (middleware/deliver-webhooks.ts) without a service
 * taking a Hono context. A save that queued nothing notes nothing, and the request
 * then costs no extra D1 call.
 */
const queued = new WeakMap<D1Handle, Set<number>>()

export function noteQueued(d1: D1Handle, articleId: number): void {
  const ids = queued.get(d1) ?? new Set<number>()
  ids.add(articleId)
  queued.set(d1, ids)
}

/** The ids noted for this session, forgotten as they are read. */
export function takeQueued(d1: D1Handle): number[] {
  const ids = queued.get(d1)
  queued.delete(d1)
  return ids ? [...ids] : []
}
