import { sql, type SqlBool } from 'kysely'
import type { AdminMediaListQuery } from '../../../schema/api/admin-media'
import type { Db } from '../../db/client'
import { decodeCursor } from '../../lib/cursor'
import { keysetPage } from '../../lib/keyset-page'
import { compileQuery } from '../search/query'
import { mediaRows } from './media-item'

const SORT = 'media:-created_at'

export interface MediaListOptions extends Pick<AdminMediaListQuery, 'q' | 'limit' | 'cursor'> {
  /** Only this uploader's files (`mine=1`). */
  uploadedBy?: number
}

/**
 * The library newest first, keyset-paginated on (created_at, id): one statement.
 * `q` searches filename, alt, caption and credit through the media_search FTS5
 * index with the article search's folded query (accents and đ ignored, the last
 * word a prefix); a `q` with no word in it finds nothing.
 */
export async function listMedia(db: Db, opts: MediaListOptions) {
  let query = mediaRows(db)
  if (opts.uploadedBy !== undefined) query = query.where('m.uploaded_by', '=', opts.uploadedBy)
  if (opts.q !== undefined && opts.q.trim() !== '') {
    const folded = compileQuery(opts.q).folded
    if (folded === null) return { items: [], nextCursor: null }
    query = query.where('m.id', 'in', db.selectFrom('media_search').select('rowid').where(sql<SqlBool>`media_search MATCH ${folded}`))
  }
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, SORT)
    query = query.where((eb) => eb(eb.refTuple('m.created_at', 'm.id'), '<', eb.tuple(String(c.value), c.id)))
  }
  const rows = await query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(opts.limit + 1).execute()
  return keysetPage(rows, opts.limit, SORT, (r) => r.created_at)
}
