import * as v from 'valibot'
import { CursorQuery, LimitQuery, dataOf, listOf } from './common'
import { plainText } from './plain-text'

export const CategoryRef = v.object({ id: v.number(), slug: v.string(), name: plainText(v.string()) })

export const PublicCategory = v.pipe(
  v.object({
    id: v.number(),
    slug: v.string(),
    name: plainText(v.string()),
    description: plainText(v.string()),
    parent_id: v.nullable(v.number()),
    position: v.number(),
    url: v.string(),
    children: v.array(CategoryRef),
  }),
  v.metadata({ ref: 'Category' }),
)
export const CategoryList = v.object({ data: v.array(PublicCategory) })
export const CategoryResponse = dataOf(PublicCategory)

export const PublicTag = v.pipe(
  v.object({ slug: v.string(), name: plainText(v.string()) }),
  v.metadata({ ref: 'Tag' }),
)
export const TagList = listOf(PublicTag)

export const PublicAuthor = v.pipe(
  v.object({ id: v.number(), slug: v.string(), name: plainText(v.string()), bio: plainText(v.string()), avatar_url: v.nullable(v.string()) }),
  v.metadata({ ref: 'Author' }),
)
export const AuthorList = listOf(PublicAuthor)

/** Taxonomy lists are in Vietnamese alphabetical order, keyset-paginated. */
export const TaxonomyListQuery = v.strictObject({ limit: LimitQuery, cursor: CursorQuery })
export const NoQuery = v.strictObject({})
