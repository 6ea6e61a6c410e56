import type { Compilable } from 'kysely'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { abortUnlessChanged, isForeignKeyViolation, isStaleAbort, isUniqueViolation } from '../../db/guard'
import { ApiError } from '../../lib/errors'
import { matchVersion } from '../../lib/precondition'
import { auditInsert } from '../audit'
import type { Actor } from '../editorial/actor'
import { readableIds } from '../editorial/admin-read'
import { loadArticleStates } from '../editorial/article-state'
import { saveStatements } from '../editorial/article-write'
import { articleEvent } from '../webhooks/article-event'
import { noteQueued } from '../webhooks/outbox'
import { authorizeMediaWrite } from './access'
import { loadMediaItem, type MediaItem } from './media-item'
import { withoutMedia } from './unlink'

/**
 * The most articles one forced delete edits: each is a row update, a revision
 * snapshot (up to ~0.5 MB) and an audit line in the one batch, so 50 keep the
 * batch at ~200 statements and the isolate's copy of the bodies at tens of MB.
 */
export const FORCE_DELETE_MAX_ARTICLES = 50

/** The refusal names only the articles the actor may read (read-rules.ts); the count covers all. */
const inUse = (item: MediaItem, readable: Set<number>) => {
  const shown = item.usedBy.filter((u) => readable.has(u.id))
  return new ApiError(
    409,
    'media_in_use',
    `The media item is used by ${new Set(item.usedBy.map((u) => u.id)).size} article(s); remove it from them first, or an admin can delete it with ?force=true`,
    shown.map((u) => ({ path: 'articles', message: `${u.id}: ${u.title} (${u.role})` })),
    {},
    { used_by: shown },
  )
}

const changedMeanwhile = () =>
  new ApiError(409, 'conflict', 'The media item or an article that uses it changed meanwhile; nothing was deleted. Reload and try again')

/**
 * Deletes a media item at the If-Match version: 403 unless the actor may (forcing
 * is for admins), 409 `media_in_use` while articles use it. Forced, it is first
 * removed from those articles (cover unset, inline figures taken out, each a new
 * version and revision through the article save statements), all in ONE batch with
 * the row's delete, so no article is left pointing at a deleted photo. The R2
 * object goes after the batch landed. Returns the key deleted.
 */
export async function deleteMedia(db: Db, d1: D1Handle, bucket: R2Bucket, id: number, ifMatch: number | undefined, force: boolean, actor: Actor) {
  if (force && actor.role !== 'admin') throw new ApiError(403, 'forbidden', 'Only admins may force-delete a media item that articles use')
  const item = await loadMediaItem(db, id, FORCE_DELETE_MAX_ARTICLES + 1)
  authorizeMediaWrite(actor, item.row, 'delete')
  const version = matchVersion('media', ifMatch, item.row.version)
  const articleIds = [...new Set(item.usedBy.map((u) => u.id))]
  if (articleIds.length > 0 && !force) throw inUse(item, await readableIds(db, actor, articleIds))
  if (articleIds.length > FORCE_DELETE_MAX_ARTICLES) {
    throw new ApiError(409, 'media_in_use', `The media item is used by more than ${FORCE_DELETE_MAX_ARTICLES} articles; remove it from some of them first`, [
      { path: 'query.force', message: `can remove an item from at most ${FORCE_DELETE_MAX_ARTICLES} articles at once` },
    ])
  }
  const states = await loadArticleStates(db, articleIds)
  const queries: Compilable[] = states.flatMap((state) =>
    saveStatements(db, state, state.row.version, { actor, action: 'article.media_removed', content: withoutMedia(state.content, id, item.row.key), details: { media_id: id } }),
  )
  if (articleIds.length > 0) queries.push(db.deleteFrom('article_media').where('media_id', '=', id))
  queries.push(
    db.deleteFrom('media').where('id', '=', id).where('version', '=', version),
    abortUnlessChanged(db),
    auditInsert(db, { actorId: actor.id, action: 'media.deleted', resourceType: 'media', resourceId: id, details: { key: item.row.key, filename: item.row.filename, forced_from: articleIds }, ip: actor.ip }),
  )
  try {
    await runBatch(d1, queries)
  } catch (err) {
    if (isStaleAbort(err) || isForeignKeyViolation(err) || isUniqueViolation(err, 'revisions.version')) throw changedMeanwhile()
    throw err
  }
  // Published articles among them queued article.updated (their save statements' outbox): send after the answer.
  for (const state of states) if (articleEvent(state.row, undefined)) noteQueued(d1, state.row.id)
  await bucket.delete(item.row.key)
  return item.row.key
}
