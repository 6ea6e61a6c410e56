import type { AdminArticle } from '../../schema/api/admin-articles'
import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'
import type { AdminArticleBundle } from '../services/editorial/admin-read'
import { articleUrl } from './article-url'

const zoned = (iso: string | null, settings: SiteSettings) => (iso === null ? null : toZonedIso(iso, settings.timeZone))

/**
 * The staff view of an article: every editable field in the shape the create and
 * PATCH bodies take (so the admin UI can send it back), plus workflow and
 * bookkeeping fields. Never body_text or title_sort (derived columns).
 */
export function serializeAdminArticle({ row: a, bundle: b }: AdminArticleBundle, settings: SiteSettings): AdminArticle {
  return {
    id: a.id,
    slug: a.slug,
    url: articleUrl(settings, { ...a, category_slug: b.category?.slug ?? null }),
    title: a.title,
    summary: a.summary,
    body_html: a.body_html,
    word_count: a.word_count,
    category_id: a.category_id,
    category: b.category,
    tags: b.tags.map((t) => t.name),
    author_ids: b.authors.map((au) => au.id),
    authors: b.authors,
    source: a.source,
    cover:
      a.cover_media_id === null
        ? null
        : { media_id: a.cover_media_id, alt: a.cover_alt, caption: a.cover_caption, credit: a.cover_credit },
    seo: { title: a.seo_title, description: a.seo_description },
    canonical_url: a.canonical_url,
    featured: a.featured === 1,
    featured_position: a.featured_position,
    language: a.language,
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
