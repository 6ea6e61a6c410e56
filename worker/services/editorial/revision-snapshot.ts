import * as v from 'valibot'
import type { ArticleStatus } from '../../../schema/database'
import type { ArticleContent } from './content'

/** What a revision row stores: the article's content and the status it had then. */
export type Snapshot = ArticleContent & { status: ArticleStatus }

export const snapshotJson = (content: ArticleContent, status: ArticleStatus) => JSON.stringify({ ...content, status } satisfies Snapshot)

const Nullable = <T extends v.GenericSchema>(s: T) => v.optional(v.nullable(s), null)

/** Reads a stored snapshot leniently: fields added later default, so old revisions stay restorable. */
const StoredSnapshot = v.object({
  title: v.string(),
  summary: v.optional(v.string(), ''),
  body_html: v.optional(v.string(), ''),
  category_id: Nullable(v.number()),
  tags: v.optional(v.array(v.string()), []),
  author_ids: v.optional(v.array(v.number()), []),
  source: Nullable(v.string()),
  cover: Nullable(
    v.object({ media_id: v.number(), alt: Nullable(v.string()), caption: Nullable(v.string()), credit: Nullable(v.string()) }),
  ),
  seo: v.optional(v.object({ title: Nullable(v.string()), description: Nullable(v.string()) }), { title: null, description: null }),
  canonical_url: Nullable(v.string()),
  slug: v.string(),
  featured: v.optional(v.boolean(), false),
  featured_position: v.optional(v.number(), 0),
  language: v.optional(v.string(), 'vi'),
  status: v.optional(v.string(), 'draft'),
})

export function parseSnapshot(json: string): Snapshot | null {
  try {
    const result = v.safeParse(StoredSnapshot, JSON.parse(json))
    return result.success ? (result.output as Snapshot) : null
  } catch {
    return null
  }
}
