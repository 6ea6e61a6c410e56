import type { Db, D1Handle } from '../../db/client'
import { decodeCursor, encodeCursor } from '../../lib/cursor'
import { ApiError, notFound } from '../../lib/errors'
import type { Actor } from './actor'
import { loadArticleState } from './article-state'
import { saveArticle } from './article-write'
import { versionFor } from './articles'
import { authorize } from './permissions'
import { imagePolicy } from '../../lib/html/image-policy'
import type { SiteSettings } from '../../lib/settings'
import { resolveRestoredContent } from './article-media'
import { cleanBody } from './content'
import { parseSnapshot } from './revision-snapshot'
import { resolveArticleSlug } from './slugs'
import { readable, type Reader } from './read-scope'

const SORT = 'revisions:-version'

const REVISION_COLUMNS = ['r.id', 'r.article_id', 'r.version', 'r.snapshot', 'r.created_by', 'r.created_at'] as const

/**
 * Revisions of an article as one statement that also tells a missing article (no
 * row: 404) from a missing revision (the article's row alone): the article drives a
 * LEFT JOIN, so its existence costs no round trip of its own. An article `reader`
 * may not read (read-rules.ts) is missing like one that does not exist.
 */
function revisionsOf(db: Db, reader: Reader, articleId: number, version?: { op: '=' | '<'; value: number }) {
  const query = db
    .selectFrom('articles as a')
    .leftJoin('revisions as r', (join) => {
      const byArticle = join.onRef('r.article_id', '=', 'a.id')
      return version ? byArticle.on('r.version', version.op, version.value) : byArticle
    })
    .select(REVISION_COLUMNS)
    .where('a.id', '=', articleId)
  return readable(query, reader)
}

type RevisionRow = { id: number; article_id: number; version: number; snapshot: string; created_by: number | null; created_at: string }

/** The revision rows of a revisionsOf result: a 404 when the article does not exist. */
function found(rows: { id: number | null }[]): RevisionRow[] {
  if (rows.length === 0) throw notFound('Article')
  return rows.filter((r) => r.id !== null) as RevisionRow[]
}

/** An article's revisions, newest first, keyset-paginated by version (one statement). */
export async function listRevisions(db: Db, reader: Reader, articleId: number, opts: { limit: number; cursor?: string | undefined }) {
  const before = opts.cursor ? Number(decodeCursor(opts.cursor, SORT).value) : null
  const rows = found(
    await revisionsOf(db, reader, articleId, before === null ? undefined : { op: '<', value: before })
      .orderBy('r.version', 'desc')
      .limit(opts.limit + 1)
      .execute(),
  )
  const page = rows.slice(0, opts.limit)
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: rows.length > opts.limit && last ? encodeCursor({ sort: SORT, value: last.version, id: last.id }) : null,
  }
}

/** One revision of an article (one statement): 404 for a missing article or revision. */
export async function getRevision(db: Db, reader: Reader, articleId: number, version: number) {
  const [row] = found(await revisionsOf(db, reader, articleId, { op: '=', value: version }).execute())
  if (!row) throw notFound('Revision')
  return row
}

/**
 * Puts a revision's content back as a NEW version (history is never rewritten).
 * The workflow state is kept: restoring an old text does not unpublish. The body
 * is sanitized again under today's rules (a revision may predate them); a photo
 * deleted since is left out (article-media.ts), and the audit line says so.
 */
export async function restoreRevision(db: Db, d1: D1Handle, articleId: number, version: number, ifMatch: number | undefined, actor: Actor, settings: SiteSettings) {
  const before = await loadArticleState(db, articleId)
  authorize('edit', actor, before.row)
  const revision = await getRevision(db, actor, articleId, version)
  const snapshot = parseSnapshot(revision.snapshot)
  if (!snapshot) throw new ApiError(409, 'conflict', `Revision ${version} cannot be read back; it was not restored`)
  const { status: _status, ...stored } = snapshot
  stored.body_html = cleanBody(stored.body_html, imagePolicy(settings))
  if (stored.slug !== before.content.slug) {
    stored.slug = await resolveArticleSlug(db, { requested: stored.slug, title: stored.title, ownerId: articleId })
  }
  const { content, inlineKeys, dropped } = await resolveRestoredContent(db, stored, before.content, version)
  const left = dropped.cover !== null || dropped.keys.length > 0 ? { dropped_media: dropped } : {}
  return saveArticle(db, d1, before, versionFor(before, ifMatch), {
    actor,
    action: 'article.revision_restored',
    content,
    inlineKeys,
    details: { restored_version: version, ...left },
  })
}
