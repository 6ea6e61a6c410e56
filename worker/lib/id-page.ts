import { decodeCursor, encodeCursor } from './cursor'

/**
 * Keyset pages over an id order (`'id'` ascending or `'-id'` descending): the id a
 * cursor continues from, and the page plus next cursor from a query that fetched
 * `limit + 1` rows (the extra row only says whether there is a next page).
 *
 * @example
 * const rows = await listUsers(db, { limit: q.limit + 1, afterId: idFromCursor(q.cursor, 'id') })
 * const { page, nextCursor } = idPage(rows, q.limit, 'id')
 */
export const idFromCursor = (cursor: string | undefined, sort: 'id' | '-id') => (cursor ? decodeCursor(cursor, sort).id : undefined)

export function idPage<T extends { id: number }>(rows: T[], limit: number, sort: 'id' | '-id') {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  const nextCursor = rows.length > limit && last ? encodeCursor({ sort, value: last.id, id: last.id }) : null
  return { page, nextCursor }
}
