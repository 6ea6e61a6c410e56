import { sql, type Compilable } from 'kysely'
import type { ArticleMediaRole } from '../../../schema/tables/media'
import type { Db } from '../../db/client'
import { rawStatement } from '../../db/guard'
import type { ArticleContent } from './content'
import type { ArticleIdRef } from './links'

/**
 * Statements that record which media items an article uses (article_media) inside
 * its save batch: the old rows of a role go, the new ones come in. Lists travel as
 * one JSON parameter (`json_each`), so any number of figures is a few statements of
 * at most three bound parameters each.
 */
const replaceRole = (db: Db, articleId: ArticleIdRef, role: ArticleMediaRole) =>
  db.deleteFrom('article_media').where('article_id', '=', articleId).where('role', '=', role)

/** The cover's row, by media id: a cover deleted meanwhile fails the batch on the foreign key. */
export function setCoverUsageStatements(db: Db, articleId: ArticleIdRef, mediaId: number | null, replace: boolean): Compilable[] {
  const out: Compilable[] = replace ? [replaceRole(db, articleId, 'cover')] : []
  if (mediaId !== null) out.push(db.insertInto('article_media').values({ article_id: articleId, media_id: mediaId, role: 'cover' }))
  return out
}

const MEDIA_GONE = 'media deleted meanwhile'

/**
 * The inline figures' rows, by library key (the save need not know their ids, so
 * images the article already showed cost no look-up), then a guard that fails the
 * whole batch unless every key found its item: a photo deleted between the save's
 * look-up and its batch never leaves a body pointing at nothing.
 */
export function setInlineUsageStatements(db: Db, articleId: ArticleIdRef, keys: string[], replace: boolean): Compilable[] {
  const out: Compilable[] = replace ? [replaceRole(db, articleId, 'inline')] : []
  if (keys.length === 0) return out
  out.push(
    rawStatement(
      db,
      sql`INSERT INTO article_media (article_id, media_id, role)
          SELECT ${articleId}, m.id, 'inline' FROM media AS m WHERE m.key IN (SELECT value FROM json_each(${JSON.stringify(keys)}))`,
    ),
    // SQLite has no RAISE outside triggers: an invalid JSON path is the deliberate error.
    rawStatement(db, sql`SELECT json_extract('{}', CASE WHEN changes() = ${keys.length} THEN '$' ELSE ${MEDIA_GONE} END) AS guard`),
  )
  return out
}

/** Whether a failed batch was stopped by setInlineUsageStatements' guard. */
export const isMediaGone = (err: unknown) => String((err as Error)?.message ?? err).includes(MEDIA_GONE)

export const coverMediaId = (c: ArticleContent) => c.cover?.media_id ?? null
