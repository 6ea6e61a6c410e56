import type { Db } from '../../db/client'

/** How long finished deliveries (succeeded, gave up) stay visible to admins. */
export const KEEP_DELIVERIES_DAYS = 30
/** Rows one prune deletes at most; a larger backlog goes over the next hours. */
const PRUNE_BATCH = 1_000

/**
 * Deletes finished deliveries older than KEEP_DELIVERIES_DAYS, oldest first, at most
 * PRUNE_BATCH (one statement, walking the partial index of finished rows). Pending
 * and failed ones are never pruned: they still have tries left. Returns the count.
 */
export async function pruneDeliveries(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - KEEP_DELIVERIES_DAYS * 86_400_000).toISOString()
  const old = db.selectFrom('webhook_deliveries').select('id').where('next_attempt_at', 'is', null).where('created_at', '<', before).orderBy('created_at').limit(PRUNE_BATCH)
  const result = await db.deleteFrom('webhook_deliveries').where('id', 'in', old).executeTakeFirst()
  return Number(result.numDeletedRows)
}
