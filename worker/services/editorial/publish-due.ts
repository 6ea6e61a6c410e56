import type { Db, D1Handle } from '../../db/client'
import { ApiError } from '../../lib/errors'
import { SYSTEM_ACTOR } from './actor'
import { loadArticleState } from './article-state'
import { saveArticle } from './article-write'

/** Articles one tick publishes at most; the rest wait a minute (keeps a tick short). */
const BATCH = 50

/**
 * Publishes scheduled articles whose time has come, each as its own versioned save
 * (revision and audit line included), with `published_at` = the scheduled time.
 * An article edited at the same moment loses nothing: its save is refused as stale
 * and the next tick tries again. Returns the ids published.
 */
export async function publishDueArticles(db: Db, d1: D1Handle, now: Date): Promise<number[]> {
  const due = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('deleted_at', 'is', null)
    .where('scheduled_at', '<=', now.toISOString())
    .orderBy('scheduled_at')
    .limit(BATCH)
    .execute()
  const published: number[] = []
  for (const { id } of due) {
    try {
      const before = await loadArticleState(db, id)
      if (before.row.status !== 'scheduled' || before.row.deleted_at !== null || !before.row.scheduled_at) continue
      await saveArticle(db, d1, before, before.row.version, {
        actor: SYSTEM_ACTOR,
        action: 'article.published',
        content: before.content,
        workflow: { status: 'published', published_at: before.row.scheduled_at, scheduled_at: null },
        details: { from: 'scheduled', to: 'published', scheduled: true },
      })
      published.push(id)
    } catch (err) {
      if (!(err instanceof ApiError)) throw err
    }
  }
  return published
}
