import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { Role } from '../../../schema/database'
import { READ_RULES } from './read-rules'

/** Who is reading: a staff member's id and role (an Actor will do). */
export interface Reader {
  id: number | null
  role: Role
}

/**
 * READ_RULES as a condition on the article aliased `a`, for the statement that
 * reads it (no round trip of its own); null when the role reads everything. The
 * byline probe is the article_authors primary key (article_id, author_id) with
 * the UNIQUE authors.user_id.
 *
 * @example
 * const scope = readableBy(actor); if (scope) query = query.where(scope)
 */
export function readableBy(reader: Reader): RawBuilder<boolean> | null {
  if (READ_RULES[reader.role] === 'all') return null
  if (reader.id === null) return sql<boolean>`0`
  return sql<boolean>`(a.created_by = ${reader.id} OR EXISTS (
    SELECT 1 FROM article_authors AS ra JOIN authors AS rau ON rau.id = ra.author_id
    WHERE ra.article_id = a.id AND rau.user_id = ${reader.id}))`
}

/** A query over articles aliased `a`, narrowed to what `reader` may read. */
export function readable<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, reader: Reader): SelectQueryBuilder<DB, TB, O> {
  const scope = readableBy(reader)
  return scope ? query.where(scope) : query
}
