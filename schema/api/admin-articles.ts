/**
 * Admin article requests and responses. Bodies are strict objects: a key that is
 * not editable (id, version, status, timestamps, created_by…) is refused with 400
 * rather than silently ignored, so a client learns it cannot set it.
 */
import * as v from 'valibot'
import { Srcset } from './article'
import { CursorQuery, InstantQuery, LimitQuery, dataOf, listOf } from './common'
import { BodyId, BodyInstant, HttpUrl, Line, SlugInput, Text, objectField, optionalAll, patchOf } from './admin-common'
import { plainText } from './plain-text'

export const MAX_TAGS = 30
export const MAX_AUTHORS = 20
/** Largest article body accepted, in characters (D1 rows are capped at 2 MB). */
export const MAX_BODY_HTML = 200_000
/**
 * Largest article body stored, in UTF-8 bytes once sanitized (entities can grow it):
 * the row stays far under D1's 2 MB, and a page of 100 articles under D1's 50 MB
 * result limit. Vietnamese text is about 1.3 bytes a character, so every body within
 * MAX_BODY_HTML characters of ordinary prose fits.
 */
export const MAX_BODY_HTML_BYTES = 400_000

const CoverInput = v.nullable(
  objectField({
    media_id: BodyId,
    alt: v.optional(v.nullable(Text(500))),
    caption: v.optional(v.nullable(Text(1000))),
    credit: v.optional(v.nullable(Text(200))),
  }),
)

const SeoInput = objectField({
  title: v.optional(v.nullable(plainText(Text(200)))),
  description: v.optional(v.nullable(plainText(Text(500)))),
})

/** Every editable field; each is optional here (PATCH), `title` is required on create. */
const editable = {
  title: plainText(Line(300), 'The headline'),
  summary: plainText(Text(2000), 'The lead paragraph (sapo)'),
  body_html: v.pipe(v.string(), v.maxLength(MAX_BODY_HTML, `must be at most ${MAX_BODY_HTML} characters`)),
  category_id: v.nullable(BodyId),
  tags: v.pipe(v.array(plainText(Line(60), 'A tag name')), v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`)),
  author_ids: v.pipe(v.array(BodyId), v.maxLength(MAX_AUTHORS, `must have at most ${MAX_AUTHORS} authors`)),
  source: plainText(v.nullable(Text(200)), 'The source line, e.g. TTXVN'),
  cover: CoverInput,
  seo: SeoInput,
  canonical_url: v.nullable(HttpUrl),
  slug: SlugInput,
  featured: v.boolean(),
  featured_position: v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(0), v.maxValue(10_000)),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as vi or en-US')),
}

export const ArticleCreate = v.strictObject({ ...optionalAll(editable), title: editable.title })
export type ArticleCreate = v.InferOutput<typeof ArticleCreate>

export const ArticlePatch = patchOf(editable)
export type ArticlePatch = v.InferOutput<typeof ArticlePatch>

export const ADMIN_STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const

/** Orders of the staff list: newest updated (default), newest published, most read. */
export const ADMIN_SORTS = ['-updated_at', '-published_at', '-views'] as const
export type AdminSort = (typeof ADMIN_SORTS)[number]

const IdQuery = v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'), v.transform(Number)))

/**
 * Finding articles in the staff list. `since`/`until` bound the time the list is
 * ordered by: updated_at for `-updated_at`, published_at for `-published_at` and
 * `-views` (a date range of "most read" means "published then").
 */
const adminListFilters = {
  sort: v.optional(v.picklist(ADMIN_SORTS, `must be one of: ${ADMIN_SORTS.join(', ')}`), '-updated_at'),
  category_id: IdQuery,
  author_id: IdQuery,
  since: InstantQuery,
  until: InstantQuery,
}

export const AdminArticleListQuery = v.strictObject({
  limit: LimitQuery,
  cursor: CursorQuery,
  status: v.optional(v.picklist(ADMIN_STATUSES, `must be one of: ${ADMIN_STATUSES.join(', ')}`)),
  trash: v.optional(v.picklist(['true', 'false'], 'must be true or false')),
  ...adminListFilters,
})
export type AdminArticleListQuery = v.InferOutput<typeof AdminArticleListQuery>

/** `publish`: optionally backdated (archives, migrations), never in the future (use schedule). */
export const PublishBody = v.strictObject({ published_at: v.optional(BodyInstant) })
export const ScheduleBody = v.strictObject({ at: BodyInstant })
export const EmptyBody = v.strictObject({})
export const PreviewLinkBody = v.strictObject({
  expires_in: v.optional(
    v.pipe(v.number(), v.safeInteger(), v.minValue(60, 'must be at least 60 seconds'), v.maxValue(604_800, 'must be at most 7 days (604800 seconds)')),
  ),
})

export const RevisionParam = v.object({
  id: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'), v.transform(Number)),
  rev: v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,9}$/, 'must be a revision version number'), v.transform(Number)),
})

const Ref = v.object({ id: v.number(), slug: v.string(), name: v.string() })

/** The admin view of an article: everything editable plus workflow and bookkeeping fields. */
export const AdminArticle = v.pipe(
  v.object({
    id: v.number(),
    slug: v.string(),
    url: v.string(),
    title: v.string(),
    summary: v.string(),
    body_html: v.string(),
    word_count: v.number(),
    category_id: v.nullable(v.number()),
    category: v.nullable(Ref),
    tags: v.array(v.string()),
    author_ids: v.array(v.number()),
    authors: v.array(Ref),
    source: v.nullable(v.string()),
    cover: v.nullable(
      v.object({ media_id: v.number(), alt: v.nullable(v.string()), caption: v.nullable(v.string()), credit: v.nullable(v.string()) }),
    ),
    cover_media: v.pipe(
      v.nullable(
        v.object({
          id: v.number(),
          key: v.string(),
          url: v.string(),
          width: v.nullable(v.number()),
          height: v.nullable(v.number()),
          alt: v.string(),
          caption: v.string(),
          credit: v.string(),
          srcset: Srcset,
        }),
      ),
      v.description("The cover's library item with its default alt, caption and credit (read-only; `cover` is what a save sends)"),
    ),
    seo: v.object({ title: v.nullable(v.string()), description: v.nullable(v.string()) }),
    canonical_url: v.nullable(v.string()),
    featured: v.boolean(),
    featured_position: v.number(),
    language: v.string(),
    status: v.picklist(ADMIN_STATUSES),
    version: v.number(),
    published_at: v.nullable(v.string()),
    scheduled_at: v.nullable(v.string()),
    created_at: v.string(),
    updated_at: v.string(),
    created_by: v.nullable(v.number()),
    deleted_at: v.nullable(v.string()),
  }),
  v.metadata({ ref: 'AdminArticle' }),
)
export type AdminArticle = v.InferOutput<typeof AdminArticle>
export const AdminArticleResponse = dataOf(AdminArticle)
export const AdminArticleList = listOf(AdminArticle)

export const RevisionSummary = v.object({
  version: v.number(),
  created_at: v.string(),
  created_by: v.nullable(v.number()),
  title: v.string(),
  status: v.string(),
})
export const RevisionList = listOf(RevisionSummary)
export const RevisionDetail = dataOf(v.object({ ...RevisionSummary.entries, article_id: v.number(), snapshot: v.record(v.string(), v.unknown()) }))

