import * as v from 'valibot'
import { PublicArticle } from './article'
import { CursorQuery, LimitQuery, SlugFilter, listOf } from './common'
import { CategoryRef } from './taxonomy'

/** Longest `q` accepted; only the first 16 words of it are searched. */
export const MAX_QUERY_LENGTH = 1000

const SearchText = v.pipe(
  v.string('is required'),
  v.maxLength(MAX_QUERY_LENGTH, `is longer than ${MAX_QUERY_LENGTH} characters`),
  v.check((q) => q.trim().length > 0, 'must not be blank'),
  v.description(
    'What the reader typed. Accents optional ("lang son" finds "Lạng Sơn"); "quoted words" match as a phrase; ' +
      'the last word matches as a prefix unless followed by a space. Every other character is taken literally.',
  ),
)

const HighlightFields = {
  title_highlight: v.pipe(v.string(), v.description('The title as HTML: escaped, with matched words in <mark>')),
  snippet: v.pipe(v.string(), v.description('The best passage of the sapo and body as HTML: escaped, with matched words in <mark>')),
}

export const SearchQuery = v.strictObject({
  q: SearchText,
  category: SlugFilter,
  limit: LimitQuery,
  cursor: CursorQuery,
})
export type SearchQuery = v.InferOutput<typeof SearchQuery>

/** A published article with the passage that matched. */
export const SearchHit = v.pipe(
  v.object({ ...PublicArticle.entries, ...HighlightFields }),
  v.metadata({ ref: 'SearchHit' }),
)
export type SearchHit = v.InferOutput<typeof SearchHit>
export const SearchList = listOf(SearchHit)

export const RelatedQuery = v.strictObject({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[0-9]{1,2}$/, 'must be a whole number from 1 to 20'),
      v.transform(Number),
      v.number(),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(20, 'must be at most 20'),
    ),
    '5',
  ),
})
export const RelatedList = v.object({ data: v.array(PublicArticle) })

const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const

export const AdminSearchQuery = v.strictObject({
  q: SearchText,
  category: SlugFilter,
  status: v.optional(v.picklist(STATUSES, `must be one of: ${STATUSES.join(', ')}`)),
  trash: v.optional(
    v.pipe(v.picklist(['true', 'false'], 'must be true or false'), v.transform((s) => s === 'true')),
    'false',
  ),
  limit: LimitQuery,
  cursor: CursorQuery,
})
export type AdminSearchQuery = v.InferOutput<typeof AdminSearchQuery>

/** An article of any status as an editor's search shows it. */
export const AdminSearchHit = v.pipe(
  v.object({
    id: v.number(),
    slug: v.string(),
    title: v.string(),
    status: v.picklist(STATUSES),
    version: v.number(),
    category: v.nullable(CategoryRef),
    published_at: v.nullable(v.string()),
    scheduled_at: v.nullable(v.string()),
    updated_at: v.string(),
    deleted_at: v.nullable(v.string()),
    ...HighlightFields,
  }),
  v.metadata({ ref: 'AdminSearchHit' }),
)
export type AdminSearchHit = v.InferOutput<typeof AdminSearchHit>
export const AdminSearchList = listOf(AdminSearchHit)
