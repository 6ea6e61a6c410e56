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
 * reads it (no round trip of its own); null when the role reads everything. It is
 * a set membership, not an OR of probes, so SQLite builds the reader's few ids
 * once (articles_created_by, the byline's author_id index through the UNIQUE
 * authors.user_id) and a list or search does not walk the whole archive for them
 * (admin-read-scale.test.ts: 100,000 articles).
 *
 * @example
 * const scope = readableBy(actor); if (scope) query = query.where(scope)
 */
export function readableBy(reader: Reader): RawBuilder<boolean> | null {
  if (READ_RULES[reader.role] === 'all') return null
  if (reader.id === null) return sql<boolean>`0`
  return sql<boolean>`a.id IN (
    SELECT ro.id FROM articles AS ro WHERE ro.created_by = ${reader.id}
    UNION
    SELECT ra.article_id FROM authors AS rau JOIN article_authors AS ra ON ra.author_id = rau.id WHERE rau.user_id = ${reader.id})`
}

/** A query over articles aliased `a`, narrowed to what `reader` may read. */
export function readable<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, reader: Reader): SelectQueryBuilder<DB, TB, O> {
  const scope = readableBy(reader)
  return scope ? query.where(scope) : query
}
