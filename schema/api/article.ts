import * as v from 'valibot'
import { CursorQuery, InstantQuery, LimitQuery, SlugFilter, dataOf, listOf } from './common'
import { CategoryRef } from './taxonomy'
import { plainText } from './plain-text'

/** Resized copies of a library image (Cloudflare Image Resizing), when IMAGE_RESIZING is on. */
export const Srcset = v.nullable(v.array(v.object({ width: v.number(), url: v.string() })))

export const Cover = v.object({
  url: v.string(),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  alt: plainText(v.string(), "The article's own alt text, else the media item's default"),
  caption: plainText(v.string(), "The article's own caption (an empty string: none on purpose), else the item's default"),
  credit: plainText(v.string(), "The article's own credit, else the item's default"),
  srcset: v.pipe(Srcset, v.description('null unless Image Resizing is on')),
})
export type PublicCover = v.InferOutput<typeof Cover>

/** A published article as frontends and partners see it (DESIGN.md). */
export const PublicArticle = v.pipe(
  v.object({
    id: v.number(),
    slug: v.string(),
    url: v.string(),
    title: plainText(v.string(), 'The headline'),
    summary: plainText(v.string(), 'The lead paragraph (sapo)'),
    body_html: v.optional(v.pipe(v.string(), v.description('Sanitized HTML (allowlist: README, Security model); the only field that is HTML. Absent for partner keys limited to summaries (docs/partners.md)'))),
    cover: v.nullable(Cover),
    category: v.nullable(CategoryRef),
    tags: v.array(v.object({ slug: v.string(), name: plainText(v.string()) })),
    authors: v.array(v.object({ id: v.number(), slug: v.string(), name: plainText(v.string()) })),
    source: plainText(v.nullable(v.string()), 'The source line, e.g. TTXVN'),
    language: v.string(),
    published_at: v.pipe(v.string(), v.description('ISO 8601 in the site time zone, e.g. 2017-04-18T09:35:00+07:00')),
    published_at_display: v.pipe(v.string(), v.description('Newsroom display form, HH:mm dd/MM/yyyy, e.g. 09:35 18/04/2017')),
    updated_at: v.string(),
    views: v.number(),
    reading_time_minutes: v.number(),
    featured: v.boolean(),
    seo: v.object({ title: plainText(v.string()), description: plainText(v.string()) }),
    canonical_url: v.string(),
  }),
  v.metadata({ ref: 'Article' }),
)
export type PublicArticle = v.InferOutput<typeof PublicArticle>

export const ARTICLE_FIELDS = Object.keys(PublicArticle.entries) as (keyof PublicArticle)[]

/** Sort keys a list accepts; a leading `-` means descending. */
export const ARTICLE_SORTS = [
  '-published_at',
  'published_at',
  '-updated_at',
  'updated_at',
  'title',
  '-title',
  'position',
] as const
export type ArticleSort = (typeof ARTICLE_SORTS)[number]

const Fields = v.optional(
  v.pipe(
    v.string(),
    v.maxLength(500),
    v.transform((s) => s.split(',').map((f) => f.trim()).filter(Boolean)),
    v.array(v.picklist(ARTICLE_FIELDS, `must list fields from: ${ARTICLE_FIELDS.join(', ')}`)),
    v.minLength(1, 'must name at least one field'),
  ),
)

export const ArticleListQuery = v.pipe(
  v.strictObject({
    limit: LimitQuery,
    cursor: CursorQuery,
    sort: v.optional(v.picklist(ARTICLE_SORTS, `must be one of: ${ARTICLE_SORTS.join(', ')}`), '-published_at'),
    category: SlugFilter,
    tag: SlugFilter,
    author: SlugFilter,
    since: InstantQuery,
    until: InstantQuery,
    featured: v.optional(v.picklist(['true', 'false'], 'must be true or false')),
    fields: Fields,
  }),
  v.check((q) => q.sort !== 'position' || q.featured === 'true', 'sort=position needs featured=true'),
)
export type ArticleListQuery = v.InferOutput<typeof ArticleListQuery>

export const ArticleReadQuery = v.strictObject({ fields: Fields })

export const ArticleResponse = dataOf(PublicArticle)
export const ArticleList = listOf(PublicArticle)
