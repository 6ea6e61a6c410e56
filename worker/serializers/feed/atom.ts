import { generateAtomFeed } from 'feedsmith'
import type { FeedEntry } from './feed-entry'
import type { FeedMeta } from './feed-meta'

type AtomEntry = NonNullable<Parameters<typeof generateAtomFeed>[0]['entries']>[number]

/**
 * Atom 1.0. Titles are `type="text"`: a title is plain text (the API's `title`), so
 * `A & B <C>` reads back as exactly that, never as markup. Summary and content are
 * HTML. The cover is a `rel="enclosure"` link with its media type and size.
 */
export function atomDocument(meta: FeedMeta, entries: FeedEntry[]): string {
  return generateAtomFeed({
    id: meta.selfUrl,
    title: { value: meta.title, type: 'text' },
    subtitle: { value: meta.description, type: 'text' },
    updated: meta.updated,
    links: [
      { href: meta.selfUrl, rel: 'self', type: 'application/atom+xml' },
      { href: meta.siteUrl, rel: 'alternate', type: 'text/html' },
    ],
    entries: entries.map((e): AtomEntry => ({
      id: e.id,
      title: { value: e.title, type: 'text' },
      links: [
        { href: e.url, rel: 'alternate', type: 'text/html' },
        ...(e.cover ? [{ href: e.cover.url, rel: 'enclosure', type: e.cover.type, length: e.cover.size }] : []),
      ],
      published: e.published,
      updated: e.updated,
      summary: { value: e.summary, type: 'html' },
      content: e.contentHtml !== null ? { value: e.contentHtml, type: 'html' } : undefined,
      authors: e.authors.map((name) => ({ name })),
      categories: [...(e.category ? [e.category] : []), ...e.tags].map((c) => ({ term: c.slug, label: c.name })),
    })),
  })
}
