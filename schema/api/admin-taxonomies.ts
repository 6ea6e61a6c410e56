/**
 * Admin requests and responses for categories, tags and authors. Bodies are strict:
 * id, version, timestamps and sort keys are not settable.
 */
import * as v from 'valibot'
import { CursorQuery, LimitQuery, dataOf, listOf } from './common'
import { BodyId, HttpUrl, Line, SlugInput, Text, optionalAll, patchOf } from './admin-common'

const Position = v.pipe(v.number(), v.safeInteger('must be a whole number'), v.minValue(0), v.maxValue(10_000))

const categoryFields = {
  name: Line(100),
  slug: SlugInput,
  description: Text(1000),
  parent_id: v.nullable(BodyId),
  position: Position,
}
const tagFields = { name: Line(60), slug: SlugInput }
const authorFields = {
  name: Line(100),
  slug: SlugInput,
  bio: Text(2000),
  avatar_url: v.nullable(HttpUrl),
  user_id: v.nullable(BodyId),
}

const createOf = <T extends v.ObjectEntries & { name: v.GenericSchema }>(entries: T) =>
  v.strictObject({ ...optionalAll(entries), name: entries.name as T['name'] })

export const CategoryCreate = createOf(categoryFields)
export const CategoryPatch = patchOf(categoryFields)
export const TagCreate = createOf(tagFields)
export const TagPatch = patchOf(tagFields)
export const AuthorCreate = createOf(authorFields)
export const AuthorPatch = patchOf(authorFields)
export type CategoryCreate = v.InferOutput<typeof CategoryCreate>
export type CategoryPatch = v.InferOutput<typeof CategoryPatch>
export type TagCreate = v.InferOutput<typeof TagCreate>
export type TagPatch = v.InferOutput<typeof TagPatch>
export type AuthorCreate = v.InferOutput<typeof AuthorCreate>
export type AuthorPatch = v.InferOutput<typeof AuthorPatch>

export const AdminTaxonomyListQuery = v.strictObject({ limit: LimitQuery, cursor: CursorQuery })

const bookkeeping = { id: v.number(), version: v.number(), article_count: v.number(), created_at: v.string(), updated_at: v.string() }

export const AdminCategory = v.pipe(
  v.object({ ...bookkeeping, slug: v.string(), name: v.string(), description: v.string(), parent_id: v.nullable(v.number()), position: v.number() }),
  v.metadata({ ref: 'AdminCategory' }),
)
export const AdminTag = v.pipe(v.object({ ...bookkeeping, slug: v.string(), name: v.string() }), v.metadata({ ref: 'AdminTag' }))
export const AdminAuthor = v.pipe(
  v.object({ ...bookkeeping, slug: v.string(), name: v.string(), bio: v.string(), avatar_url: v.nullable(v.string()), user_id: v.nullable(v.number()) }),
  v.metadata({ ref: 'AdminAuthor' }),
)
export const AdminCategoryResponse = dataOf(AdminCategory)
export const AdminCategoryList = v.object({ data: v.array(AdminCategory) })
export const AdminTagResponse = dataOf(AdminTag)
export const AdminTagList = listOf(AdminTag)
export const AdminAuthorResponse = dataOf(AdminAuthor)
export const AdminAuthorList = listOf(AdminAuthor)

/** `POST /tags/{id}/merge`: the tag whose articles take this one's place. */
export const TagMergeBody = v.strictObject({ into: BodyId })
