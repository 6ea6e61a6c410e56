import { sql } from 'kysely'
import type { ApiKeyBody, ApiKeyTier } from '../../../schema/tables/api-keys'
import type { Db } from '../../db/client'
import { sha256Hex } from '../../lib/secret-token'
import { API_KEY_PATTERN } from './key-secret'

/** A key that may be used now, and what it may see. */
export interface VerifiedKey {
  id: number
  tier: ApiKeyTier
  body: ApiKeyBody
  /** Category ids it may read, its categories' subcategories (any depth) included; null: all. */
  categories: number[] | null
}

export type KeyCheck = { ok: true; key: VerifiedKey } | { ok: false; reason: 'unknown' | 'revoked' | 'expired' }

/**
 * The allowed categories of a key with every descendant, as a JSON array, computed
 * in the look-up itself (a subcategory added later is covered at once).
 */
const allowedCategories = sql<string | null>`CASE WHEN k.category_ids IS NULL THEN NULL ELSE (
  WITH RECURSIVE tree(id) AS (
    SELECT value FROM json_each(k.category_ids)
    UNION SELECT c.id FROM categories AS c JOIN tree ON c.parent_id = tree.id
  ) SELECT json_group_array(id) FROM (SELECT id FROM tree ORDER BY id)) END`

/**
 * Checks a presented secret: ONE indexed D1 statement (the UNIQUE hash index),
 * read from the primary by the caller so a revocation holds on the very next
 * request; nothing is cached in the isolate. A string that is not key-shaped is
 * unknown without a D1 call.
 *
 * @example
 * const check = await verifyApiKey(createDb(env.DB), secret)
 */
export async function verifyApiKey(db: Db, secret: string, now = Date.now()): Promise<KeyCheck> {
  if (!API_KEY_PATTERN.test(secret)) return { ok: false, reason: 'unknown' }
  const row = await db
    .selectFrom('api_keys as k')
    .select(['k.id', 'k.tier', 'k.body', 'k.expires_at', 'k.revoked_at', allowedCategories.as('allowed')])
    .where('k.key_hash', '=', await sha256Hex(secret))
    .executeTakeFirst()
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.revoked_at !== null) return { ok: false, reason: 'revoked' }
  if (row.expires_at !== null && now >= Date.parse(row.expires_at)) return { ok: false, reason: 'expired' }
  const categories = row.allowed === null ? null : (JSON.parse(row.allowed) as number[])
  return { ok: true, key: { id: row.id, tier: row.tier, body: row.body, categories } }
}
