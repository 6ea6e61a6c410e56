import { generateJsonFeed } from 'feedsmith'
import type { FeedEntry } from './feed-entry'
import type { FeedMeta } from './feed-meta'

type JsonItem = NonNullable<Parameters<typeof generateJsonFeed>[0]['items']>[number]

/**
 * JSON Feed 1.1: `content_html` is the full body, or `content_text` the summary
 * where the caller may not have bodies (an item needs one of the two); the cover is
 * `image`; the category and tags are `tags`.
 */
export function jsonFeedDocument(meta: FeedMeta, entries: FeedEntry[]): string {
  const feed = generateJsonFeed({
    title: meta.title,
    home_page_url: meta.siteUrl,
    feed_url: meta.selfUrl,
    description: meta.description,
    language: meta.language,
    items: entries.map((e): JsonItem => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      ...(e.contentHtml !== null ? { content_html: e.contentHtml } : { content_text: e.summary }),
      image: e.cover?.url,
      date_published: e.published,
      date_modified: e.updated,
      authors: e.authors.map((name) => ({ name })),
      tags: [...(e.category ? [e.category] : []), ...e.tags].map((c) => c.name),
    })),
  })
  return JSON.stringify(feed)
}
