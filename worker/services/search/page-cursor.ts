import { decodeCursor, encodeCursor, readCursor } from '../../lib/cursor'

/**
 * Ranked results have no stable keyset (a bm25 score moves when any article is
 * written), so search pages by offset. The offset travels in the same opaque cursor
 * as the keyset lists, bound to a fingerprint of the query: a cursor from another
 * query or filter is a 400, not a silently wrong page. Readers rarely go past the
 * first pages, so a search stops offering pages after MAX_RANKED_RESULTS.
 */
export const MAX_RANKED_RESULTS = 1000

/** FNV-1a, enough to tell queries apart in a cursor (not a security boundary). */
function fingerprint(parts: unknown[]): string {
  let h = 0x811c9dc5
  for (const ch of JSON.stringify(parts)) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(36)
}

export interface RankCursor {
  offset: number
  next: (limit: number, more: boolean) => string | null
}

/**
 * Reads the offset of `raw` (0 without a cursor) for the query described by `parts`,
 * and makes the cursor of the following page.
 */
export function rankCursor(raw: string | undefined, parts: unknown[]): RankCursor {
  const sort = `rank:${fingerprint(parts)}`
  const offset = raw ? Math.min(decodeCursor(raw, sort).id, MAX_RANKED_RESULTS) : 0
  return {
    offset,
    next: (limit, more) =>
      more && offset + limit < MAX_RANKED_RESULTS ? encodeCursor({ sort, value: null, id: offset + limit }) : null,
  }
}

/**
 * The offset a search cursor asks for, read before the query it belongs to is
 * known (rankCursor checks that after the read, so a wrong cursor is still a 400);
 * 0 without a cursor or for one that is not a cursor at all.
 */
export function peekOffset(raw: string | undefined): number {
  if (!raw) return 0
  try {
    return Math.min(readCursor(raw).id, MAX_RANKED_RESULTS)
  } catch {
    return 0
  }
}
