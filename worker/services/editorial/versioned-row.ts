import type { Compilable, Expression, SqlBool, Updateable } from 'kysely'
import type { Database } from '../../../schema/database'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { abortUnlessChanged, isForeignKeyViolation, isStaleAbort, isUniqueViolation } from '../../db/guard'
import { ApiError, notFound } from '../../lib/errors'
import { staleVersion } from '../../lib/precondition'
import { nowIso } from '../../lib/time'
import { viSortKey } from '../../lib/vi-collate'
import { auditInsert } from '../audit'
import type { Actor } from './actor'

/** Single-row resources edited with If-Match: categories, tags, authors, media items, webhooks. */
export type VersionedTable = 'categories' | 'tags' | 'authors' | 'media' | 'webhooks'

export const LABEL: Record<VersionedTable, string> = { categories: 'category', tags: 'tag', authors: 'author', media: 'media', webhooks: 'webhook' }

/** The 409 for a write that broke a taxonomy constraint, or null for any other failure. */
export function taxonomyConflict(err: unknown, table: VersionedTable, slug?: string): ApiError | null {
  if (isUniqueViolation(err, `${table}.slug`)) {
    const message = slug ? `Another ${LABEL[table]} already uses the slug "${slug}"` : `That slug is already used by another ${LABEL[table]}`
    return new ApiError(409, 'conflict', message, [{ path: 'json.slug', message: 'choose another slug' }])
  }
  if (isUniqueViolation(err, `${table}.user_id`)) {
    return new ApiError(409, 'conflict', 'That user already has an author profile', [{ path: 'json.user_id', message: 'is linked to another author' }])
  }
  if (isForeignKeyViolation(err)) return new ApiError(409, 'conflict', `The ${LABEL[table]} is still in use, or refers to something that no longer exists`)
  return null
}

export interface RowWrite {
  actor: Actor
  action: string
  details?: Record<string, unknown>
  /** Extra condition the row must meet at write time (e.g. the new parent makes no cycle). */
  onlyIf?: Expression<SqlBool>
  /** The error when `onlyIf` is why nothing changed. */
  onlyIfError?: ApiError
}

/**
 * Runs `write` (an UPDATE or DELETE of row `id` at `expectedVersion`) with its
 * audit line in one batch; a lost race or failed condition aborts both. Failures
 * become the client's error: 404 gone, 412 stale (with the current version), 409
 * for a taken slug or a row still referenced.
 */
async function versionedBatch(db: Db, d1: D1Handle, table: VersionedTable, id: number, expectedVersion: number, write: Compilable, w: RowWrite) {
  const audit = auditInsert(db, {
    actorId: w.actor.id,
    action: w.action,
    resourceType: LABEL[table],
    resourceId: id,
    details: w.details ?? {},
    ip: w.actor.ip,
  })
  try {
    await runBatch(d1, [write, abortUnlessChanged(db), audit])
  } catch (err) {
    const conflict = taxonomyConflict(err, table)
    if (conflict) throw conflict
    if (!isStaleAbort(err)) throw err
    const current = await db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst()
    if (!current) throw notFound(LABEL[table])
    if (current.version !== expectedVersion) throw staleVersion(LABEL[table], current.version)
    throw w.onlyIfError ?? staleVersion(LABEL[table], current.version)
  }
}

/** Updates row `id` at `expectedVersion` (see versionedBatch); a new `name` brings its `name_sort`. */
export async function updateVersioned<T extends VersionedTable>(
  db: Db,
  d1: D1Handle,
  table: T,
  id: number,
  expectedVersion: number,
  set: Omit<Updateable<Database[T]>, 'name_sort'>,
  w: RowWrite,
): Promise<void> {
  const changes = set as Omit<Updateable<Database['tags']>, 'name_sort'>
  const sortKey = changes.name !== undefined ? { name_sort: viSortKey(changes.name) } : {}
  let update = db
    .updateTable(table as 'tags')
    .set({ ...changes, ...sortKey, version: expectedVersion + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
  if (w.onlyIf) update = update.where(w.onlyIf)
  await versionedBatch(db, d1, table, id, expectedVersion, update, w)
}

export async function deleteVersioned(db: Db, d1: D1Handle, table: VersionedTable, id: number, expectedVersion: number, w: RowWrite) {
  const remove = db.deleteFrom(table as 'tags').where('id', '=', id).where('version', '=', expectedVersion)
  await versionedBatch(db, d1, table, id, expectedVersion, remove, w)
}
