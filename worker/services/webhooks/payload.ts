import type { PublicArticle } from '../../../schema/api/article'
import type { SiteSettings } from '../../lib/settings'
import { toZonedIso } from '../../lib/time'
import { serializePublicArticle } from '../../serializers/article-public'
import { getPublishedArticlesByIds } from '../articles/public-read'
import type { PublicReads } from '../articles/read-batch'
import type { ClaimedDelivery } from './claim'
import { WEBHOOK_LIMITS } from './limits'

/** Events whose payload carries the article as the public API shows it. */
const WITH_ARTICLE = new Set(['article.published', 'article.updated'])

/**
 * The JSON body of each delivery (docs/webhooks.md): `{ id, event, created_at, data }`.
 * `data` names the article (`article_id`, `article_slug`, `article_version` as the
 * save left it); published and updated events add `article`, the public view, read
 * when the delivery is first sent; it is null when the article is no longer public by
 * then (an unpublish or delete event follows). A body already sent is reused as is,
 * so every retry carries the same bytes. One D1 round trip for all the new ones.
 */
export async function deliveryBodies(reads: PublicReads, settings: SiteSettings, deliveries: ClaimedDelivery[]): Promise<Map<string, string>> {
  const fresh = deliveries.filter((d) => d.payload === null)
  const ids = [...new Set(fresh.filter((d) => WITH_ARTICLE.has(d.event) && d.article_id !== null).map((d) => d.article_id!))]
  const articles = new Map((await getPublishedArticlesByIds(reads, ids)).map((b) => [b.article.id, serializePublicArticle(b, settings, b.views)]))
  const bodies = new Map<string, string>()
  for (const d of deliveries) bodies.set(d.id, d.payload ?? bodyOf(d, settings, articles.get(d.article_id ?? 0) ?? null))
  return bodies
}

function bodyOf(d: ClaimedDelivery, settings: SiteSettings, article: PublicArticle | null): string {
  const head = { id: d.id, event: d.event, created_at: toZonedIso(d.created_at, settings.timeZone) }
  if (d.event === 'ping') return JSON.stringify({ ...head, data: { webhook_id: d.webhook_id } })
  const data = { article_id: d.article_id, article_slug: d.article_slug, article_version: d.article_version }
  if (!WITH_ARTICLE.has(d.event)) return JSON.stringify({ ...head, data })
  const full = JSON.stringify({ ...head, data: { ...data, article } })
  if (!article || new TextEncoder().encode(full).length <= WEBHOOK_LIMITS.maxPayloadBytes) return full
  return JSON.stringify({ ...head, data: { ...data, article: { ...article, body_html: null }, body_omitted: true } })
}
