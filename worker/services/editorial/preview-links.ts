import type { Db } from '../../db/client'
import { ApiError, notFound } from '../../lib/errors'
import { signToken, verifyToken } from '../../lib/signed-token'
import { bundleColumns, toBundle, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { recordAudit } from '../audit'
import type { Actor } from './actor'
import { authorize } from './permissions'
import { previewSigningKey } from './preview-signing-key'
import { readable } from './read-scope'

/** How long a preview link works unless the editor asks otherwise. */
export const DEFAULT_PREVIEW_SECONDS = 24 * 3600

/**
 * A link that lets anyone holding it read article `id` for `seconds`, minted only
 * by someone who may edit the article (an article they may not read is a 404).
 * The link is a row (preview_links) whose id the token signs, so it can be listed
 * and revoked; handing out read access to a draft is recorded in the audit log.
 */
export async function createPreviewLink(db: Db, id: number, seconds: number | undefined, actor: Actor) {
  const article = await readable(db.selectFrom('articles as a').select(['a.id', 'a.status', 'a.deleted_at', 'a.created_by']).where('a.id', '=', id), actor).executeTakeFirst()
  if (!article) throw notFound('Article')
  // Handing a draft to anyone with the link is a right of whoever may edit it (rules.ts), trash excluded (409).
  authorize('edit', actor, article)
  const now = new Date()
  const expiresAt = new Date(now.getTime() + (seconds ?? DEFAULT_PREVIEW_SECONDS) * 1000)
  const link = await db
    .insertInto('preview_links')
    .values({ article_id: id, created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt.toISOString(), revoked_at: null, revoked_reason: null })
    .returning('id')
    .executeTakeFirstOrThrow()
  const token = await signToken(await previewSigningKey(db), link.id, expiresAt)
  await recordAudit(db, { actorId: actor.id, action: 'article.preview_link_created', resourceType: 'article', resourceId: id, details: { link: link.id, expires_at: expiresAt.toISOString() }, ip: actor.ip })
  return { id: link.id, token, expiresAt: expiresAt.toISOString() }
}

/**
 * The article a preview token opens, in whatever status it is (drafts included):
 * the signature is checked in memory, then one statement reads the link and its
 * article together, so a revoked link (by someone, or by its article's trash,
 * unpublish or embargo change: migration 0011) is one indexed lookup away.
 * Tampered, unknown, revoked or trashed: 404; expired: 410.
 */
export async function readPreview(db: Db, token: string, now: Date): Promise<ArticleBundle> {
  const check = await verifyToken(await previewSigningKey(db), token, now)
  if (!check.ok) {
    if (check.reason === 'expired') throw new ApiError(410, 'gone', 'This preview link has expired; ask for a new one')
    throw notFound('Preview')
  }
  const row = await db
    .selectFrom('preview_links as pl')
    .innerJoin('articles as a', 'a.id', 'pl.article_id')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .select(bundleColumns(db))
    .where('pl.id', '=', check.id)
    .where('pl.revoked_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound('Preview')
  return toBundle(row)
}
