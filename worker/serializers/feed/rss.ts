import { generateRssFeed } from 'feedsmith'
import type { FeedEntry } from './feed-entry'
import type { FeedMeta } from './feed-meta'

type RssItem = NonNullable<Parameters<typeof generateRssFeed>[0]['items']>[number]

/** The cover as an RSS enclosure and a Media RSS `media:content` with its size, caption and credit. */
function cover(e: FeedEntry): Pick<RssItem, 'enclosures' | 'media'> {
  if (!e.cover) return {}
  const c = e.cover
  return {
    enclosures: [{ url: c.url, length: c.size, type: c.type }],
    media: {
      contents: [{
        url: c.url, type: c.type, medium: 'image', fileSize: c.size,
        width: c.width ?? undefined, height: c.height ?? undefined,
        description: c.caption ? { value: c.caption, type: 'plain' } : undefined,
        credits: c.credit ? [{ value: c.credit }] : undefined,
      }],
    },
  }
}

/**
 * RSS 2.0 with the content (full body), Dublin Core (authors: RSS's own `author`
 * must be an e-mail address), Atom (self link) and Media RSS namespaces. feedsmith
 * declares each namespace it uses on `<rss>` and escapes text and attributes.
 */
export function rssDocument(meta: FeedMeta, entries: FeedEntry[]): string {
  return generateRssFeed({
    title: meta.title,
    link: meta.siteUrl,
    description: meta.description,
    language: meta.language,
    lastBuildDate: meta.updated,
    atom: { links: [{ href: meta.selfUrl, rel: 'self', type: 'application/rss+xml' }] },
    items: entries.map((e): RssItem => ({
      title: e.title,
      link: e.url,
      guid: { value: e.id, isPermaLink: false },
      pubDate: e.published,
      description: e.summary,
      categories: [...(e.category ? [e.category] : []), ...e.tags].map((c) => ({ name: c.name })),
      dc: e.authors.length ? { creators: e.authors } : undefined,
      content: e.contentHtml !== null ? { encoded: e.contentHtml } : undefined,
      ...cover(e),
    })),
  })
}
