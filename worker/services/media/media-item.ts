import { jsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'
import type { MediaRow, MediaUse } from '../../serializers/media-admin'

/** Library rows (aliased `m`) with the uploader's name. */
export const mediaRows = (db: Db) => db.selectFrom('media as m').leftJoin('users as u', 'u.id', 'm.uploaded_by').selectAll('m').select('u.name as uploader_name')

export interface MediaItem {
  row: MediaRow
  /** The articles that use it, by article id then role, at most `usageLimit` articles' worth. */
  usedBy: MediaUse[]
}

/**
 * One item with the articles that use it, in one statement: the usage rows every
 * article save records (article_media), plus covers read from the article row
 * itself (articles_cover index). A cover the usage table missed is still a use:
 * its foreign key is ON DELETE SET NULL, so without this a delete would strip the
 * cover silently, with no new version or revision.
 */
export async function loadMediaItem(db: Db, id: number, usageLimit = 100): Promise<MediaItem> {
  const found = await mediaRows(db)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('article_media as am')
          .innerJoin('articles as a', 'a.id', 'am.article_id')
          .select(['a.id', 'a.title', 'a.status', 'am.role'])
          .whereRef('am.media_id', '=', 'm.id')
          .orderBy('am.article_id')
          .limit(usageLimit * 2),
      ).as('uses'),
      jsonArrayFrom(eb.selectFrom('articles as a').select(['a.id', 'a.title', 'a.status']).whereRef('a.cover_media_id', '=', 'm.id').orderBy('a.id').limit(usageLimit)).as('covers'),
    ])
    .where('m.id', '=', id)
    .executeTakeFirst()
  if (!found) throw notFound('Media item')
  const { uses, covers, ...row } = found
  // SQLite returns the JSON as text (Kysely types it as already parsed).
  const listed = JSON.parse(uses as unknown as string) as MediaUse[]
  const coverUses = (JSON.parse(covers as unknown as string) as Omit<MediaUse, 'role'>[]).map((a) => ({ ...a, role: 'cover' as const }))
  const byKey = new Map([...listed, ...coverUses].map((u) => [`${u.id}:${u.role}`, u]))
  const usedBy = [...byKey.values()].sort((a, b) => a.id - b.id || a.role.localeCompare(b.role))
  const articleIds = [...new Set(usedBy.map((u) => u.id))].slice(0, usageLimit)
  return { row, usedBy: usedBy.filter((u) => articleIds.includes(u.id)) }
}

/** The row that already holds `key` (content-addressed: the same bytes), if any. */
export const findMediaByKey = (db: Db, key: string) => mediaRows(db).where('m.key', '=', key).executeTakeFirst()
