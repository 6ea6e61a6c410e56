import { sql, type Compilable } from 'kysely'
import type { ArticleMediaRole } from '../../../schema/tables/media'
import type { Db } from '../../db/client'
import { rawStatement } from '../../db/guard'
import type { ArticleContent } from './content'
import type { ArticleIdRef } from './links'

/**
 * Statements that record which media items an article uses in one role (its cover,
 * its inline figures), inside the article's save batch: the old rows of that role
 * go, the new ones come in. Ids travel as one JSON parameter (`json_each`), so any
 * number of figures is two statements of at most three bound parameters. Rows name
 * media by id: a photo deleted after the save looked it up makes the batch fail
 * on the foreign key (a 409), never a body pointing at nothing.
 */
export function setMediaUsageStatements(db: Db, articleId: ArticleIdRef, role: ArticleMediaRole, mediaIds: number[], replace: boolean): Compilable[] {
  const out: Compilable[] = []
  if (replace) out.push(db.deleteFrom('article_media').where('article_id', '=', articleId).where('role', '=', role))
  if (mediaIds.length === 0) return out
  out.push(
    rawStatement(
      db,
      sql`INSERT INTO article_media (article_id, media_id, role)
          SELECT ${articleId}, j.value, ${role} FROM json_each(${JSON.stringify([...new Set(mediaIds)])}) AS j`,
    ),
  )
  return out
}

export const coverMediaId = (c: ArticleContent) => c.cover?.media_id ?? null
