import type { Article } from '../../../schema/database'
import type { WebhookEvent } from '../../../schema/tables/webhooks'

type WorkflowChange = Partial<Pick<Article, 'status' | 'deleted_at'>> | undefined

const live = (status: Article['status'], deletedAt: string | null) => status === 'published' && deletedAt === null

/**
 * The webhook event of one article save, from what is publicly visible before and
 * after it (published and not in the trash), or null when the public sees no change:
 * - hidden → visible: `article.published` (publish, re-publish, a scheduled article
 *   going live, a published article restored from the trash);
 * - visible → visible: `article.updated` (an edit, a revision restored, a photo removed);
 * - visible → trash: `article.deleted` (a purge later is silent: the trash already hid it);
 * - visible → any other status: `article.unpublished` (unpublish, archive).
 *
 * @example
 * articleEvent({ status: 'published', deleted_at: null }, { deleted_at: '2026-01-01T00:00:00Z' }) // 'article.deleted'
 */
export function articleEvent(before: Pick<Article, 'status' | 'deleted_at'>, change: WorkflowChange): WebhookEvent | null {
  const status = change?.status ?? before.status
  const deletedAt = change && 'deleted_at' in change ? (change.deleted_at ?? null) : before.deleted_at
  const was = live(before.status, before.deleted_at)
  const is = live(status, deletedAt)
  if (!was) return is ? 'article.published' : null
  if (is) return 'article.updated'
  return deletedAt !== null ? 'article.deleted' : 'article.unpublished'
}
