import { sql } from 'kysely'
import type { CreateApiKeyBody, UpdateApiKeyBody } from '../../../schema/api/admin-api-keys'
import type { ApiKeyRow } from '../../../schema/tables/api-keys'
import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { abortUnlessChanged, isStaleAbort } from '../../db/guard'
import { ApiError, notFound } from '../../lib/errors'
import { staleVersion } from '../../lib/precondition'
import { auditInsert } from '../audit'
import type { Actor } from '../auth/staff'
import { mintApiKey } from './key-secret'

const COLUMNS = ['id', 'name', 'key_prefix', 'body', 'category_ids', 'tier', 'expires_at', 'revoked_at', 'created_by', 'version', 'created_at', 'updated_at'] as const

const audit = (db: Db, actor: Actor, action: string, id: number | ReturnType<typeof sql>, details: Record<string, unknown>) =>
  auditInsert(db, { actorId: actor.id, action, resourceType: 'api_key', resourceId: id, details, ip: actor.ip })

/** A 400 when some category id does not exist (one statement). */
async function assertCategories(db: Db, ids: number[] | null | undefined) {
  if (!ids) return
  const found = await db.selectFrom('categories').select('id').where(sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).execute()
  const known = new Set(found.map((r) => r.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length) throw new ApiError(400, 'validation_failed', 'Unknown category', [{ path: 'json.category_ids', message: `no category ${missing.join(', ')}` }])
}

const categoriesJson = (ids: number[] | null) => (ids ? JSON.stringify([...new Set(ids)].sort((a, b) => a - b)) : null)

/** Mints a key and audits it in one batch; the secret is returned once and never stored. */
export async function createApiKey(db: Db, d1: D1Handle, actor: Actor, body: CreateApiKeyBody) {
  await assertCategories(db, body.category_ids)
  const { secret, hash, prefix } = await mintApiKey()
  const now = new Date().toISOString()
  const insert = db
    .insertInto('api_keys')
    .values({ name: body.name, key_hash: hash, key_prefix: prefix, body: body.body, category_ids: categoriesJson(body.category_ids), tier: body.tier, expires_at: body.expires_at, revoked_at: null, created_by: actor.id, created_at: now, updated_at: now })
    .returning(COLUMNS)
  const [inserted] = await runBatch(d1, [insert, audit(db, actor, 'api_key.created', sql`last_insert_rowid()`, { name: body.name, body: body.body, tier: body.tier })])
  return { row: inserted!.results[0] as ApiKeyRow, secret }
}

/** Keys, newest first, revoked and expired ones included. */
export function listApiKeys(db: Db, limit: number, beforeId?: number): Promise<ApiKeyRow[]> {
  let query = db.selectFrom('api_keys').select(COLUMNS)
  if (beforeId !== undefined) query = query.where('id', '<', beforeId)
  return query.orderBy('id', 'desc').limit(limit).execute()
}

export const findApiKey = (db: Db, id: number): Promise<ApiKeyRow | undefined> => db.selectFrom('api_keys').select(COLUMNS).where('id', '=', id).executeTakeFirst()

/** Edits a key at `version` (If-Match) with its audit line in one batch: 404, 412 as for every versioned write. */
export async function updateApiKey(db: Db, d1: D1Handle, actor: Actor, id: number, version: number, body: UpdateApiKeyBody): Promise<void> {
  await assertCategories(db, body.category_ids)
  const { category_ids, scopes: _scopes, ...rest } = body
  const update = db
    .updateTable('api_keys')
    .set({ ...rest, ...(category_ids !== undefined ? { category_ids: categoriesJson(category_ids) } : {}), version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
  try {
    await runBatch(d1, [update, abortUnlessChanged(db), audit(db, actor, 'api_key.updated', id, { fields: Object.keys(body) })])
  } catch (err) {
    if (!isStaleAbort(err)) throw err
    const current = await findApiKey(db, id)
    if (!current) throw notFound('API key')
    throw staleVersion('API key', current.version)
  }
}

/** Revokes a key (audited); revoking a revoked key changes nothing. False when there is no such key. */
export async function revokeApiKey(db: Db, d1: D1Handle, actor: Actor, id: number): Promise<boolean> {
  const key = await findApiKey(db, id)
  if (!key) return false
  if (key.revoked_at !== null) return true
  const now = new Date().toISOString()
  await runBatch(d1, [
    db.updateTable('api_keys').set({ revoked_at: now, updated_at: now, version: sql`version + 1` }).where('id', '=', id).where('revoked_at', 'is', null),
    audit(db, actor, 'api_key.revoked', id, { name: key.name }),
  ])
  return true
}
