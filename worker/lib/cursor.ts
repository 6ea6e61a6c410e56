import { fromBase64Url, toBase64Url } from './base64url'
import { ApiError } from './errors'

/**
 * Keyset cursors: the sort they belong to, the last row's sort value and id,
 * as base64url JSON. A cursor from another sort, or one that was edited, is a 400.
 */
export interface Cursor {
  sort: string
  value: string | number | null
  id: number
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.sort, cursor.value, cursor.id])))
}

const invalid = () =>
  new ApiError(400, 'bad_request', 'Invalid cursor', [
    { path: 'query.cursor', message: 'is not a cursor from this API for this sort; start again without it' },
  ])

/** Decodes a cursor, refusing one of another sort (400). */
export function decodeCursor(raw: string, sort: string): Cursor {
  const cursor = readCursor(raw)
  if (cursor.sort !== sort) throw invalid()
  return cursor
}

/**
 * Decodes a cursor whatever its sort (400 if it is not a cursor at all). For a read
 * that learns its sort only from its own result: decodeCursor checks it after.
 */
export function readCursor(raw: string): Cursor {
  const bytes = fromBase64Url(raw)
  if (!bytes) throw invalid()
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid()
  const [sort, value, id] = parsed as unknown[]
  if (typeof sort !== 'string') throw invalid()
  if (typeof value !== 'string' && typeof value !== 'number' && value !== null) throw invalid()
  if (typeof value === 'string' && value.length > 300) throw invalid()
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw invalid()
  return { sort, value, id }
}
