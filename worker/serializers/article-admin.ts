import type { AdminArticle } from '../../schema/api/admin-articles'
import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'
import type { AdminArticleBundle } from '../services/editorial/admin-read'
import { contentOf } from '../services/editorial/article-state'
import { adminCoverMedia } from './article-cover'
import { articleUrl } from './article-url'

const zoned = (iso: string | null, settings: SiteSettings) => (iso === null ? null : toZonedIso(iso, settings.timeZone))

/**
 * The staff view of an article: every editable field in exactly the shape the
 * create and PATCH bodies take (the same `contentOf` a revision stores, so the
 * admin UI can send it back), plus names for display, workflow and bookkeeping
 * fields. Never body_text or title_sort (derived columns).
 */
export function serializeAdminArticle({ row: a, bundle: b }: AdminArticleBundle, settings: SiteSettings): AdminArticle {
  const content = contentOf(a, b.tags.map((t) => t.name), b.authors.map((au) => au.id))
  return {
    id: a.id,
    ...content,
    cover_media: adminCoverMedia(b, settings),
    url: articleUrl(settings, { ...a, category_slug: b.category?.slug ?? null }),
    word_count: a.word_count,
    category: b.category,
    authors: b.authors,
    status: a.status,
    version: a.version,
    published_at: zoned(a.published_at, settings),
    scheduled_at: zoned(a.scheduled_at, settings),
    created_at: zoned(a.created_at, settings)!,
    updated_at: zoned(a.updated_at, settings)!,
    created_by: a.created_by,
    deleted_at: zoned(a.deleted_at, settings),
  }
}
