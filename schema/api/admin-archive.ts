/**
 * Archive lines (docs/archive.md): what `POST /api/admin/imports` reads, one JSON
 * object a line, and what `GET /api/admin/exports` writes. Lines are loose objects
 * (unknown keys are ignored) so an export of a later version still imports.
 */
import * as v from 'valibot'
import { MAX_AUTHORS, MAX_BODY_HTML, MAX_TAGS } from './admin-articles'
import { HttpUrl, Line, SlugInput, Text } from './admin-common'

/** Old URLs one article may bring. */
export const MAX_OLD_URLS = 20

/** A time with its zone (`2016-09-02T08:15:00+07:00`, `…Z`), never in the future. */
const PastInstant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/, 'must be an ISO 8601 time with its zone'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a real date'),
  v.check((s) => Date.parse(s) <= Date.now() + 60_000, 'must not be in the future'),
)

const Name = (max: number) => Line(max)

export const ImportArticle = v.object({
  type: v.optional(v.literal('article')),
  external_id: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200)),
  title: Line(300),
  summary: v.optional(Text(2000)),
  body_html: v.optional(v.pipe(v.string(), v.maxLength(MAX_BODY_HTML))),
  status: v.optional(v.picklist(['published', 'draft', 'archived'], 'must be published, draft or archived'), 'draft'),
  published_at: v.optional(v.nullable(PastInstant)),
  updated_at: v.optional(PastInstant),
  /** Set: the article is in the trash (an export of the trash). */
  deleted_at: v.optional(v.nullable(PastInstant)),
  slug: v.optional(SlugInput),
  old_urls: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(2000))), v.maxLength(MAX_OLD_URLS))),
  /** Slugs the article had before (they keep answering 301 on the slug route). */
  old_slugs: v.optional(v.pipe(v.array(SlugInput), v.maxLength(MAX_OLD_URLS))),
  views: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  category: v.optional(v.nullable(Name(200))),
  category_slug: v.optional(SlugInput),
  tags: v.optional(v.pipe(v.array(Name(60)), v.maxLength(MAX_TAGS))),
  authors: v.optional(v.pipe(v.array(Name(200)), v.maxLength(MAX_AUTHORS))),
  author_slugs: v.optional(v.pipe(v.array(SlugInput), v.maxLength(MAX_AUTHORS))),
  source: v.optional(v.nullable(Text(200))),
  cover: v.optional(v.nullable(v.object({ key: v.pipe(v.string(), v.minLength(1)), alt: v.optional(v.nullable(Text(500))), caption: v.optional(v.nullable(Text(1000))), credit: v.optional(v.nullable(Text(200))) }))),
  seo: v.optional(v.object({ title: v.optional(v.nullable(Text(200))), description: v.optional(v.nullable(Text(500))) })),
  canonical_url: v.optional(v.nullable(HttpUrl)),
  featured: v.optional(v.boolean()),
  featured_position: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(10_000))),
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/))),
})
export type ImportArticle = v.InferOutput<typeof ImportArticle>

export const ImportCategory = v.object({
  type: v.literal('category'),
  slug: SlugInput,
  name: Name(200),
  description: v.optional(Text(2000)),
  parent_slug: v.optional(v.nullable(SlugInput)),
  position: v.optional(v.pipe(v.number(), v.safeInteger())),
})
export const ImportTag = v.object({ type: v.literal('tag'), slug: SlugInput, name: Name(60) })
export const ImportAuthor = v.object({
  type: v.literal('author'),
  slug: SlugInput,
  name: Name(200),
  bio: v.optional(Text(2000)),
  avatar_url: v.optional(v.nullable(v.string())),
})
export const ImportMedia = v.object({
  type: v.literal('media'),
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  filename: v.string(),
  content_type: v.string(),
  size: v.number(),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  alt: v.nullable(v.string()),
  caption: v.nullable(v.string()),
  credit: v.nullable(v.string()),
})
export type ImportCategory = v.InferOutput<typeof ImportCategory>
export type ImportTag = v.InferOutput<typeof ImportTag>
export type ImportAuthor = v.InferOutput<typeof ImportAuthor>
export type ImportMedia = v.InferOutput<typeof ImportMedia>

export type ImportOutcome = 'created' | 'updated' | 'skipped' | 'failed'
export interface ImportResult {
  line: number
  type: string
  external_id?: string
  key?: string
  outcome: ImportOutcome
  id?: number
  slug?: string
  reason?: string
}
