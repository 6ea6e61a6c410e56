import type { SiteSettings } from '../../lib/settings'
import { xmlSafe } from '../../lib/xml-text'
import type { FeedArticle } from '../../services/feeds/feed-articles'
import { serializePublicArticle } from '../article-public'
import { zonedDate } from './zoned-date'

/** One article as every feed format needs it, before RSS, Atom or JSON Feed shape it. */
export interface FeedEntry {
  /** Permanent id (a tag: URI of the article id): unchanged when the slug or URL changes. */
  id: string
  title: string
  /** The article's canonical URL (absolute). */
  url: string
  summary: string
  /** Full body HTML, or null when the scope or the feed's body budget leaves only the summary. */
  contentHtml: string | null
  published: Date
  updated: Date
  category: { slug: string; name: string } | null
  tags: { slug: string; name: string }[]
  authors: string[]
  cover: {
    url: string
    type: string
    size: number
    width: number | null
    height: number | null
    caption: string | null
    credit: string | null
  } | null
}

/** The stable id of an article in every feed: `tag:tin.example.vn,2026:article-42`. */
export const entryId = (settings: SiteSettings, id: number) => `tag:${new URL(settings.url).hostname},2026:article-${id}`

/**
 * What a feed says about one article: the public serializer's view (canonical URL,
 * absolute cover URL, caption and credit as the article overrides them, times in
 * the site's zone), with the body only where the caller may have it. Text loses the
 * characters XML cannot carry (lib/xml-text.ts), which feedsmith would pass through.
 */
export function toFeedEntry(item: FeedArticle, settings: SiteSettings): FeedEntry {
  const a = serializePublicArticle(item.bundle, settings, item.bundle.views)
  return {
    id: entryId(settings, a.id),
    title: xmlSafe(a.title),
    url: a.canonical_url,
    summary: xmlSafe(a.summary),
    contentHtml: item.fullBody ? xmlSafe(a.body_html ?? '') : null,
    published: zonedDate(a.published_at, settings.timeZone),
    updated: zonedDate(a.updated_at, settings.timeZone),
    category: a.category ? { slug: a.category.slug, name: xmlSafe(a.category.name) } : null,
    tags: a.tags.map((t) => ({ slug: t.slug, name: xmlSafe(t.name) })),
    authors: a.authors.map((au) => xmlSafe(au.name)),
    cover:
      a.cover && item.coverFile
        ? {
            url: a.cover.url, type: item.coverFile.content_type, size: item.coverFile.size,
            width: a.cover.width, height: a.cover.height,
            caption: a.cover.caption && xmlSafe(a.cover.caption), credit: a.cover.credit && xmlSafe(a.cover.credit),
          }
        : null,
  }
}
