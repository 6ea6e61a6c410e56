import { sql, type Insertable } from 'kysely'
import type { Database } from '../../../schema/database'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { ApiError } from '../../lib/errors'
import { toSlug } from '../../lib/slug'
import { nowIso } from '../../lib/time'
import { viSortKey } from '../../lib/vi-collate'
import { auditInsert } from '../audit'
import type { Actor } from './actor'
import { BASE_LENGTH, firstFreeSlug, slugFamily } from './slugs'
import { LABEL, taxonomyConflict, type VersionedTable } from './versioned-row'

const slugTaken = (table: VersionedTable, slug: string) =>
  new ApiError(409, 'conflict', `Another ${LABEL[table]} already uses the slug "${slug}"`, [{ path: 'json.slug', message: 'choose another slug' }])

/**
 * A taxonomy slug: a requested one must be free (409); one generated from the
 * name takes a `-2`, `-3`… suffix when `suffix` is set (two reporters may share a
 * name) or is a 409 otherwise (a second tag "Đà Nẵng" is the same tag).
 */
export async function taxonomySlug(
  db: Db,
  table: VersionedTable,
  opts: { requested?: string | undefined; name: string; ownerId: number | null; suffix: boolean },
): Promise<string> {
  const base = opts.requested ?? toSlug(opts.name, BASE_LENGTH)
  if (!base) throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: 'json.name', message: 'needs at least one letter or digit' }])
  const rows = await db
    .selectFrom(table)
    .select('slug')
    .where(opts.requested !== undefined || !opts.suffix ? sql<boolean>`slug = ${base}` : slugFamily(base))
    .where('id', '!=', opts.ownerId ?? 0)
    .execute()
  const taken = new Set(rows.map((r) => r.slug))
  if (opts.requested !== undefined || !opts.suffix) {
    if (taken.has(base)) throw slugTaken(table, base)
    return base
  }
  return firstFreeSlug(base, taken)
}

/** Inserts a taxonomy row (its `name_sort` from `name`) with its audit line in one batch; returns the new id. */
export async function insertTaxonomy<T extends VersionedTable>(
  db: Db,
  d1: D1Handle,
  table: T,
  values: Omit<Insertable<Database[T]>, 'name_sort' | 'created_at' | 'updated_at'>,
  actor: Actor,
): Promise<number> {
  const now = nowIso()
  const named = values as Omit<Insertable<Database['tags']>, 'name_sort' | 'created_at' | 'updated_at'>
  const row: Insertable<Database['tags']> = { ...named, name_sort: viSortKey(named.name), created_at: now, updated_at: now }
  const id = sql<number>`(SELECT id FROM ${sql.table(table)} WHERE slug = ${row.slug})`
  try {
    const [inserted] = await runBatch(d1, [
      db.insertInto(table as 'tags').values(row),
      auditInsert(db, { actorId: actor.id, action: `${LABEL[table]}.created`, resourceType: LABEL[table], resourceId: id, details: { slug: row.slug, name: row.name }, ip: actor.ip }),
    ])
    return inserted!.meta.last_row_id
  } catch (err) {
    throw taxonomyConflict(err, table, row.slug) ?? err
  }
}

/** How many articles (any status, trash included) use each taxonomy row. */
export function articleCount(table: VersionedTable) {
  if (table === 'categories') return sql<number>`(SELECT count(*) FROM articles WHERE category_id = x.id)`
  if (table === 'tags') return sql<number>`(SELECT count(*) FROM article_tags WHERE tag_id = x.id)`
  return sql<number>`(SELECT count(*) FROM article_authors WHERE author_id = x.id)`
}
