import type { Db, D1Handle } from '../../db/client'
import { decodeCursor, encodeCursor } from '../../lib/cursor'
import { ApiError, notFound } from '../../lib/errors'
import type { Actor } from './actor'
import { loadArticleState } from './article-state'
import { saveArticle } from './article-write'
import { versionFor } from './articles'
import { authorize } from './permissions'
import { checkReferences } from './references'
import { parseSnapshot } from './revision-snapshot'
import { resolveArticleSlug } from './slugs'

const SORT = 'revisions:-version'

async function requireArticle(db: Db, id: number) {
  const found = await db.selectFrom('articles').select('id').where('id', '=', id).executeTakeFirst()
  if (!found) throw notFound('Article')
}

/** An article's revisions, newest first, keyset-paginated by version. */
export async function listRevisions(db: Db, articleId: number, opts: { limit: number; cursor?: string | undefined }) {
  await requireArticle(db, articleId)
  let q = db
    .selectFrom('revisions')
    .select(['id', 'article_id', 'version', 'snapshot', 'created_by', 'created_at'])
    .where('article_id', '=', articleId)
  if (opts.cursor) q = q.where('version', '<', Number(decodeCursor(opts.cursor, SORT).value))
  const rows = await q.orderBy('version', 'desc').limit(opts.limit + 1).execute()
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ sort: SORT, value: last.version, id: last.id }) : null,
  }
}

export async function getRevision(db: Db, articleId: number, version: number) {
  await requireArticle(db, articleId)
  const row = await db.selectFrom('revisions').selectAll().where('article_id', '=', articleId).where('version', '=', version).executeTakeFirst()
  if (!row) throw notFound('Revision')
  return row
}

/**
 * Puts a revision's content back as a NEW version (history is never rewritten).
 * The workflow state is kept: restoring an old text does not unpublish.
 */
export async function restoreRevision(db: Db, d1: D1Handle, articleId: number, version: number, ifMatch: number | undefined, actor: Actor) {
  const before = await loadArticleState(db, articleId)
  authorize('edit', actor, before.row)
  const revision = await getRevision(db, articleId, version)
  const snapshot = parseSnapshot(revision.snapshot)
  if (!snapshot) throw new ApiError(409, 'conflict', `Revision ${version} cannot be read back; it was not restored`)
  const { status: _status, ...content } = snapshot
  if (content.slug !== before.content.slug) {
    content.slug = await resolveArticleSlug(db, { requested: content.slug, title: content.title, ownerId: articleId })
  }
  await checkReferences(db, content, before.content).catch((err: unknown) => {
    if (!(err instanceof ApiError)) throw err
    throw new ApiError(409, 'conflict', `Revision ${version} refers to something that no longer exists`, err.details)
  })
  return saveArticle(db, d1, before, versionFor(before, ifMatch), {
    actor,
    action: 'article.revision_restored',
    content,
    details: { restored_version: version },
  })
}
