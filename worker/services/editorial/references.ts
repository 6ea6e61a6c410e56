import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { ApiError, type ErrorDetail } from '../../lib/errors'
import type { LibraryImage } from '../../lib/html/library-images'
import type { ArticleContent } from './content'

export interface ReferenceLookup {
  /** Missing category or authors, as body-field details. */
  problems: ErrorDetail[]
  /** The cover's media id when no such item exists. */
  missingCover: number | null
  /** The library items of the keys asked for, by key. */
  images: Map<string, LibraryImage>
  missingKeys: string[]
}

/**
 * Looks up, in ONE statement, what an article points to: its category, authors and
 * cover media (only those that differ from `before`) and the library items of
 * `keys` (the inline images of a changed body). Keys travel as one JSON parameter
 * read with `json_each`, so any number of them is one bound parameter. No
 * statement at all when there is nothing to look up.
 */
export async function lookUpReferences(db: Db, next: ArticleContent, before: ArticleContent | null, keys: string[]): Promise<ReferenceLookup> {
  const categoryId = next.category_id !== before?.category_id ? next.category_id : null
  const mediaId = next.cover && next.cover.media_id !== before?.cover?.media_id ? next.cover.media_id : null
  const authorIds = next.author_ids.filter((id) => !before?.author_ids.includes(id))
  const none: ReferenceLookup = { problems: [], missingCover: null, images: new Map(), missingKeys: [] }
  if (categoryId === null && mediaId === null && authorIds.length === 0 && keys.length === 0) return none

  const found = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('categories').select('id').where('id', '=', categoryId ?? 0).as('category'),
      eb.selectFrom('media').select('id').where('id', '=', mediaId ?? 0).as('media'),
      eb.selectFrom('authors').select(sql<string>`json_group_array(id)`.as('ids')).where('id', 'in', authorIds.length ? authorIds : [0]).as('authors'),
      eb
        .selectFrom('media')
        .select(sql<string>`json_group_array(json_array(key, width, height, alt))`.as('items'))
        .where('key', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(keys)}))`)
        .as('images'),
    ])
    .executeTakeFirstOrThrow()
  const problems: ErrorDetail[] = []
  if (categoryId !== null && found.category === null) problems.push({ path: 'json.category_id', message: `no category with id ${categoryId}` })
  const authors = new Set(JSON.parse(found.authors ?? '[]') as number[])
  next.author_ids.forEach((id, i) => {
    if (authorIds.includes(id) && !authors.has(id)) problems.push({ path: `json.author_ids.${i}`, message: `no author with id ${id}` })
  })
  const rows = JSON.parse(found.images ?? '[]') as [string, number | null, number | null, string][]
  const images = new Map(rows.map(([key, width, height, alt]) => [key, { width, height, alt }]))
  return { problems, missingCover: mediaId !== null && found.media === null ? mediaId : null, images, missingKeys: keys.filter((k) => !images.has(k)) }
}

/**
 * Checks that everything a created or edited article points to exists: a 400
 * naming the field for a category, author or cover (clearer than a foreign-key
 * failure), a 422 naming each inline image key the library does not hold.
 * Returns the library items of `keys`.
 */
export async function checkReferences(db: Db, next: ArticleContent, before: ArticleContent | null, keys: string[] = []) {
  const found = await lookUpReferences(db, next, before, keys)
  const details = [...found.problems]
  if (found.missingCover !== null) details.push({ path: 'json.cover.media_id', message: `no media with id ${found.missingCover}` })
  if (details.length) throw new ApiError(400, 'validation_failed', 'Invalid body', details)
  if (found.missingKeys.length) {
    throw new ApiError(
      422,
      'validation_failed',
      `The body shows ${found.missingKeys.length === 1 ? 'an image' : 'images'} the media library does not hold`,
      found.missingKeys.map((key) => ({ path: 'json.body_html', message: `no media with key ${key} (/media/${key})` })),
    )
  }
  return found.images
}

const NOUN = { users: 'user', categories: 'category' } as const

/**
 * Checks that the one row a body field points to (an author's `user_id`, a
 * category's `parent_id`) exists: a 400 naming the field otherwise. Null or absent
 * needs no check.
 */
export async function checkReference(db: Db, table: keyof typeof NOUN, field: string, id: number | null | undefined): Promise<void> {
  if (id === null || id === undefined) return
  const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()
  if (!row) throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: `json.${field}`, message: `no ${NOUN[table]} with id ${id}` }])
}
