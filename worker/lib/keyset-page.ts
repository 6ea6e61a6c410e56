import { encodeCursor } from './cursor'

/**
 * A keyset page from a query that fetched `limit + 1` rows in (value, id) order:
 * the first `limit` rows, and the cursor after the last of them when the extra row
 * says there is more.
 *
 * @example
 * const rows = await query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute()
 * return keysetPage(rows, limit, 'media:-created_at', (r) => r.created_at)
 */
export function keysetPage<T extends { id: number }>(rows: T[], limit: number, sort: string, valueOf: (row: T) => string | number | null) {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ sort, value: valueOf(last), id: last.id }) : null }
}
