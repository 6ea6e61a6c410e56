import { sql, type Compilable } from 'kysely'
import type { ArticleStatus } from '../../../schema/database'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { abortUnlessChanged, isForeignKeyViolation, isStaleAbort, isUniqueViolation } from '../../db/guard'
import { ApiError, notFound } from '../../lib/errors'
import { staleVersion } from '../../lib/precondition'
import { nowIso } from '../../lib/time'
import { auditInsert } from '../audit'
import type { Actor } from './actor'
import type { ArticleState } from './article-state'
import { contentColumns, type ArticleContent } from './content'
import { setAuthorsStatements, setTagsStatements } from './links'
import { coverMediaId, isMediaGone, setCoverUsageStatements, setInlineUsageStatements } from './media-usage'
import { snapshotJson } from './revision-snapshot'
import { articleEvent } from '../webhooks/article-event'
import { noteQueued, outboxInsert } from '../webhooks/outbox'

/** Workflow columns a save may set besides the content. */
export interface WorkflowColumns {
  status?: ArticleStatus
  published_at?: string | null
  scheduled_at?: string | null
  deleted_at?: string | null
}

export interface ArticleSave {
  actor: Actor
  /** Audit action, e.g. `article.updated`, `article.published`. */
  action: string
  details?: Record<string, unknown>
  content: ArticleContent
  /** The library keys of the body's figures, when the body changed (article-media.ts). */
  inlineKeys?: string[] | undefined
  workflow?: WorkflowColumns
}

const sameList = <T>(a: T[], b: T[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** Why a write batch failed, as the error the client should see. */
async function explainFailure(db: Db, id: number, err: unknown): Promise<never> {
  if (isStaleAbort(err) || isUniqueViolation(err, 'revisions.version')) {
    const current = await db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirst()
    if (!current) throw notFound('Article')
    throw staleVersion('article', current.version)
  }
  if (isUniqueViolation(err, 'articles.slug')) {
    throw new ApiError(409, 'conflict', 'That slug was just taken by another article', [{ path: 'json.slug', message: 'choose another slug' }])
  }
  if (isForeignKeyViolation(err) || isMediaGone(err)) throw referenceGone()
  throw err
}

const referenceGone = () => new ApiError(409, 'conflict', 'A category, author or media item this article refers to was deleted meanwhile; reload and save again')

/**
 * The statements of one article save, not run: the row (only if still at
 * `expectedVersion`), its revision, tags, authors, media usage, slug history, the
 * audit line and, last, the webhook outbox insert when the public sees a change
 * (services/webhooks/article-event.ts). A lost race aborts the whole batch right after the row update (see
 * abortUnlessChanged), and the UNIQUE (article_id, version) of revisions refuses a
 * second writer too. For writes that save several articles in one batch (a media
 * item removed from the articles that use it); one article goes through saveArticle.
 */
export function saveStatements(db: Db, before: ArticleState, expectedVersion: number, save: ArticleSave): Compilable[] {
  const id = before.row.id
  const now = nowIso()
  const next = save.content
  const version = expectedVersion + 1
  const status = save.workflow?.status ?? before.row.status
  const queries: Compilable[] = [
    db
      .updateTable('articles')
      .set({ ...contentColumns(next), ...save.workflow, version, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion),
    abortUnlessChanged(db),
    db.insertInto('revisions').values({ article_id: id, version, snapshot: snapshotJson(next, status), created_by: save.actor.id, created_at: now }),
  ]
  if (!sameList(next.tags, before.content.tags)) queries.push(...setTagsStatements(db, id, next.tags, now, true))
  if (!sameList(next.author_ids, before.content.author_ids)) queries.push(...setAuthorsStatements(db, id, next.author_ids, true))
  const cover = coverMediaId(next)
  if (cover !== coverMediaId(before.content)) queries.push(...setCoverUsageStatements(db, id, cover, true))
  if (save.inlineKeys) queries.push(...setInlineUsageStatements(db, id, save.inlineKeys, true))
  if (next.slug !== before.content.slug) {
    queries.push(
      db.insertInto('slug_history').values({ slug: before.content.slug, article_id: id, created_at: now }).onConflict((oc) => oc.column('slug').doNothing()),
      db.deleteFrom('slug_history').where('slug', '=', next.slug).where('article_id', '=', id),
    )
  }
  queries.push(auditInsert(db, { actorId: save.actor.id, action: save.action, resourceType: 'article', resourceId: id, details: { version, ...save.details }, ip: save.actor.ip }))
  const event = articleEvent(before.row, save.workflow)
  if (event) queries.push(outboxInsert(db, event, { id, slug: next.slug, version }, now))
  return queries
}

/**
 * Saves an article as ONE batch (saveStatements), so exactly one of many concurrent
 * saves of one version lands. Returns the new version.
 */
export async function saveArticle(db: Db, d1: D1Handle, before: ArticleState, expectedVersion: number, save: ArticleSave): Promise<number> {
  const id = before.row.id
  if (expectedVersion !== before.row.version) throw staleVersion('article', before.row.version)
  const queries = saveStatements(db, before, expectedVersion, save)
  let results: D1Result[] = []
  try {
    results = await runBatch(d1, queries)
  } catch (err) {
    await explainFailure(db, id, err)
  }
  // The outbox insert is the batch's last statement when the save has an event.
  if (articleEvent(before.row, save.workflow) && (results.at(-1)?.meta.changes ?? 0) > 0) noteQueued(d1, id)
  return expectedVersion + 1
}

/**
 * Inserts a new draft with its first revision, tags, authors, media usage and audit
 * line in one batch. Statements after the insert find the new row by its (unique)
 * slug. Returns the new id; a slug taken meanwhile is reported as `slug_taken`.
 */
export async function insertArticle(db: Db, d1: D1Handle, content: ArticleContent, inlineKeys: string[], actor: Actor): Promise<number | 'slug_taken'> {
  const now = nowIso()
  const articleId = sql<number>`(SELECT id FROM articles WHERE slug = ${content.slug})`
  const queries: Compilable[] = [
    db.insertInto('articles').values({
      ...contentColumns(content),
      status: 'draft',
      published_at: null,
      scheduled_at: null,
      version: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    }),
    db.insertInto('revisions').values({ article_id: articleId, version: 1, snapshot: snapshotJson(content, 'draft'), created_by: actor.id, created_at: now }),
    ...setTagsStatements(db, articleId, content.tags, now, false),
    ...setAuthorsStatements(db, articleId, content.author_ids, false),
    ...setCoverUsageStatements(db, articleId, coverMediaId(content), false),
    ...setInlineUsageStatements(db, articleId, inlineKeys, false),
    auditInsert(db, { actorId: actor.id, action: 'article.created', resourceType: 'article', resourceId: articleId, details: { slug: content.slug }, ip: actor.ip }),
  ]
  try {
    const [inserted] = await runBatch(d1, queries)
    return inserted!.meta.last_row_id
  } catch (err) {
    if (isUniqueViolation(err, 'articles.slug')) return 'slug_taken'
    if (isForeignKeyViolation(err) || isMediaGone(err)) throw referenceGone()
    throw err
  }
}
