import { sql, type Generated, type SelectQueryBuilder, type SqlBool } from 'kysely'
import { decodeCursor } from '../lib/cursor'
import { keysetPage } from '../lib/keyset-page'

/** A query over a table aliased `x` that has an id and a Vietnamese sort key. */
type ByName = { x: { id: Generated<number>; name_sort: string } }

/** What a client asks of a list paged by name: a page size and where to go on from. */
export type NamePageOptions = { limit: number; cursor?: string | undefined }

/**
 * A keyset page over rows ordered by (name_sort, id), the Vietnamese alphabetical
 * order of tags and authors: `query` (from the table aliased `x`, any filters and
 * columns, which must include `x.id` and `x.name_sort`) continued after the cursor.
 *
 * @example
 * pageByName('admin-tags:name', { limit: 20, cursor }, db.selectFrom('tags as x').select(['x.id', 'x.name', 'x.name_sort']))
 */
export async function pageByName<DB extends ByName, R extends { id: number; name_sort: string }>(
  sortName: string,
  opts: NamePageOptions,
  query: SelectQueryBuilder<DB, 'x', R>,
) {
  const after = opts.cursor ? decodeCursor(opts.cursor, sortName) : null
  let q = query
  // The SQL of eb.refTuple/eb.tuple, which cannot be typed against a generic DB.
  if (after) q = q.where(sql<SqlBool>`(${sql.ref('x.name_sort')}, ${sql.ref('x.id')}) > (${String(after.value)}, ${after.id})`)
  const rows = await q.orderBy('x.name_sort').orderBy('x.id').limit(opts.limit + 1).execute()
  return keysetPage(rows, opts.limit, sortName, (r) => r.name_sort)
}
