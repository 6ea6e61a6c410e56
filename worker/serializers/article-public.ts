import type { PublicArticle } from '../../schema/api/article'
import type { ArticleBundle } from '../services/articles/bundle'
import type { SiteSettings } from '../lib/settings'
import { toDisplayTime, toZonedIso } from '../lib/time'
import { publicBodyHtml } from './article-body'
import { articleUrl } from './article-url'
import { publicCover } from './article-cover'

/** Vietnamese reading speed, in words (syllables) a minute. */
const WORDS_PER_MINUTE = 220

export const readingTimeMinutes = (wordCount: number) => Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE))

/**
 * A published article as the public API shows it: the one place that decides which
 * columns leave the building (no body_text, no editor ids, no workflow fields) and
 * adds the computed ones (url, reading time, display time, views, absolute image URLs).
 */
export function serializePublicArticle(b: ArticleBundle, settings: SiteSettings, views: number): PublicArticle {
  const a = b.article
  const publishedAt = a.published_at ?? a.updated_at
  const url = articleUrl(settings, { ...a, category_slug: b.category?.slug ?? null })
  return {
    id: a.id,
    slug: a.slug,
    url,
    title: a.title,
    summary: a.summary,
    body_html: publicBodyHtml(a.body_html, settings),
    cover: publicCover(b, settings),
    category: b.category,
    tags: b.tags,
    authors: b.authors,
    source: a.source,
    language: a.language,
    published_at: toZonedIso(publishedAt, settings.timeZone),
    published_at_display: toDisplayTime(publishedAt, settings.timeZone),
    updated_at: toZonedIso(a.updated_at, settings.timeZone),
    views,
    reading_time_minutes: readingTimeMinutes(a.word_count),
    featured: a.featured === 1,
    seo: { title: a.seo_title || a.title, description: a.seo_description || a.summary },
    canonical_url: a.canonical_url || url,
  }
}

/** Keeps only the fields a client asked for with `fields=`. */
export function pickFields<T extends object>(item: T, fields: (keyof T)[] | undefined): Partial<T> {
  if (!fields) return item
  const out: Partial<T> = {}
  for (const f of fields) out[f] = item[f]
  return out
}
