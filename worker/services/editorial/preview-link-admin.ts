import type { Db } from '../../db/client'
import { notFound } from '../../lib/errors'
import { recordAudit } from '../audit'
import type { Actor } from './actor'
import { authorize } from './permissions'
import { readable } from './read-scope'

const COLUMNS = ['pl.id', 'pl.article_id', 'pl.created_by', 'pl.created_at', 'pl.expires_at', 'pl.revoked_at', 'pl.revoked_reason'] as const

/** The article as `actor` may see it, or a 404 (read rules: read-scope.ts). */
async function articleFor(db: Db, id: number, actor: Actor) {
  const article = await readable(db.selectFrom('articles as a').select(['a.id', 'a.status', 'a.deleted_at', 'a.created_by']).where('a.id', '=', id), actor).executeTakeFirst()
  if (!article) throw notFound('Article')
  return article
}

/** An article's preview links, newest first (at most `limit`), for whoever may read it. */
export async function listPreviewLinks(db: Db, articleId: number, actor: Actor, limit = 100) {
  await articleFor(db, articleId, actor)
  return db.selectFrom('preview_links as pl').select(COLUMNS).where('pl.article_id', '=', articleId).orderBy('pl.id', 'desc').limit(limit).execute()
}

export type PreviewLinkRow = Awaited<ReturnType<typeof listPreviewLinks>>[number]

/**
 * Revokes one preview link of an article, for whoever may edit the article
 * (audited). Revoking a revoked link changes nothing; another article's link is a 404.
 */
export async function revokePreviewLink(db: Db, articleId: number, linkId: number, actor: Actor, now = new Date()) {
  authorize('edit', actor, await articleFor(db, articleId, actor))
  const revoked = await db
    .updateTable('preview_links')
    .set({ revoked_at: now.toISOString(), revoked_reason: 'revoked' })
    .where('id', '=', linkId)
    .where('article_id', '=', articleId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!revoked) {
    const exists = await db.selectFrom('preview_links').select('id').where('id', '=', linkId).where('article_id', '=', articleId).executeTakeFirst()
    if (!exists) throw notFound('Preview link')
    return
  }
  await recordAudit(db, { actorId: actor.id, action: 'article.preview_link_revoked', resourceType: 'article', resourceId: articleId, details: { link: linkId }, ip: actor.ip })
}
