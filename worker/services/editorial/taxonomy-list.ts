import { decodeCursor, encodeCursor } from '../../lib/cursor'

/**
 * A keyset page over rows ordered by (name_sort, id), the Vietnamese alphabetical
 * order of tags and authors. `query` selects `x.name_sort` and `x.id`.
 */
export async function pageByName<R extends { id: number; name_sort: string }>(
  sortName: string,
  opts: { limit: number; cursor?: string | undefined },
  run: (after: { value: string; id: number } | null, limit: number) => Promise<R[]>,
) {
  const after = opts.cursor ? decodeCursor(opts.cursor, sortName) : null
  const rows = await run(after && { value: String(after.value), id: after.id }, opts.limit + 1)
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ sort: sortName, value: last.name_sort, id: last.id }) : null,
  }
}
