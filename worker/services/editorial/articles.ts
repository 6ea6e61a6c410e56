import type { ArticleCreate, ArticlePatch } from '../../../schema/api/admin-articles'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { abortUnlessChanged, isStaleAbort } from '../../db/guard'
import { ApiError } from '../../lib/errors'
import { nowIso } from '../../lib/time'
import { auditInsert } from '../audit'
import type { Actor } from './actor'
import { loadArticleState, type ArticleState } from './article-state'
import { insertArticle, saveArticle } from './article-write'
import { staleVersion } from '../../lib/precondition'
import { applyInput, emptyContent } from './content'
import { authorize } from './permissions'
import type { SiteSettings } from '../../lib/settings'
import { resolveContent } from './article-media'
import { imagePolicy } from '../../lib/html/image-policy'
import { resolveArticleSlug } from './slugs'

/** Creates a draft owned by `actor`; returns its id. */
export async function createArticle(db: Db, d1: D1Handle, input: ArticleCreate, actor: Actor, settings: SiteSettings): Promise<number> {
  const { content, inlineKeys = [] } = await resolveContent(db, applyInput(emptyContent(settings.language), input, imagePolicy(settings)), null)
  // A generated slug can be taken between the check and the insert (saves of one
  // title at once, imports in parallel): try again, spreading over the next free ones.
  for (let attempt = 0; attempt < 8; attempt++) {
    content.slug = await resolveArticleSlug(db, { requested: input.slug, title: content.title, ownerId: null, attempt })
    const id = await insertArticle(db, d1, content, inlineKeys, actor)
    if (id !== 'slug_taken') return id
    if (input.slug !== undefined) break
  }
  throw new ApiError(409, 'conflict', 'That slug was just taken by another article', [{ path: 'json.slug', message: 'choose another slug' }])
}

/** Applies a patch at `expectedVersion`; returns the new version. */
export async function updateArticle(db: Db, d1: D1Handle, id: number, expectedVersion: number, patch: ArticlePatch, actor: Actor, settings: SiteSettings) {
  const before = await loadArticleState(db, id)
  authorize('edit', actor, before.row)
  if (expectedVersion !== before.row.version) throw staleVersion('article', before.row.version)
  const patched = applyInput(before.content, patch, imagePolicy(settings))
  if (patch.slug !== undefined && patch.slug !== before.content.slug) {
    patched.slug = await resolveArticleSlug(db, { requested: patch.slug, title: patched.title, ownerId: id })
  }
  const { content, inlineKeys } = await resolveContent(db, patched, before.content)
  return saveArticle(db, d1, before, expectedVersion, { actor, action: 'article.updated', content, inlineKeys, details: { fields: Object.keys(patch) } })
}

/** The version a write should check: the client's If-Match, or the one just read. */
export const versionFor = (state: ArticleState, ifMatch: number | undefined) => ifMatch ?? state.row.version

/** Moves an article to the trash (404 publicly, restorable). */
export async function trashArticle(db: Db, d1: D1Handle, id: number, expectedVersion: number, actor: Actor) {
  const before = await loadArticleState(db, id)
  authorize('delete', actor, before.row)
  return saveArticle(db, d1, before, expectedVersion, { actor, action: 'article.trashed', content: before.content, workflow: { deleted_at: nowIso() } })
}

/** Takes an article out of the trash, in the status it had. */
export async function restoreArticle(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor) {
  const before = await loadArticleState(db, id)
  authorize('restore', actor, before.row)
  return saveArticle(db, d1, before, versionFor(before, ifMatch), { actor, action: 'article.restored', content: before.content, workflow: { deleted_at: null } })
}

/**
 * Deletes a trashed article for good (admins only): its revisions, links and slug
 * history go with it (ON DELETE CASCADE); the audit line stays.
 */
export async function purgeArticle(db: Db, d1: D1Handle, id: number, actor: Actor) {
  const before = await loadArticleState(db, id)
  authorize('purge', actor, before.row)
  const purge = runBatch(d1, [
    db.deleteFrom('articles').where('id', '=', id).where('deleted_at', 'is not', null),
    abortUnlessChanged(db),
    auditInsert(db, { actorId: actor.id, action: 'article.purged', resourceType: 'article', resourceId: id, details: { slug: before.row.slug, title: before.row.title }, ip: actor.ip }),
  ])
  await purge.catch((err) => {
    throw isStaleAbort(err) ? new ApiError(409, 'conflict', 'The article left the trash meanwhile; it was not purged') : err
  })
}
