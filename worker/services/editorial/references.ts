import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { ApiError, type ErrorDetail } from '../../lib/errors'
import type { ArticleContent } from './content'

/**
 * Checks that the category, authors and cover media an article points to exist,
 * so a typo is a clear 400 naming the field rather than a foreign-key failure.
 * Only references that differ from `before` are looked up, all in one statement.
 */
export async function checkReferences(db: Db, next: ArticleContent, before: ArticleContent | null): Promise<void> {
  const details: ErrorDetail[] = []
  const categoryId = next.category_id !== before?.category_id ? next.category_id : null
  const mediaId = next.cover && next.cover.media_id !== before?.cover?.media_id ? next.cover.media_id : null
  const authorIds = next.author_ids.filter((id) => !before?.author_ids.includes(id))
  if (categoryId === null && mediaId === null && authorIds.length === 0) return

  const found = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('categories').select('id').where('id', '=', categoryId ?? 0).as('category'),
      eb.selectFrom('media').select('id').where('id', '=', mediaId ?? 0).as('media'),
      eb.selectFrom('authors').select(sql<string>`json_group_array(id)`.as('ids')).where('id', 'in', authorIds.length ? authorIds : [0]).as('authors'),
    ])
    .executeTakeFirstOrThrow()
  if (categoryId !== null && found.category === null) details.push({ path: 'json.category_id', message: `no category with id ${categoryId}` })
  if (mediaId !== null && found.media === null) details.push({ path: 'json.cover.media_id', message: `no media with id ${mediaId}` })
  const authors = new Set(JSON.parse(found.authors ?? '[]') as number[])
  next.author_ids.forEach((id, i) => {
    if (authorIds.includes(id) && !authors.has(id)) details.push({ path: `json.author_ids.${i}`, message: `no author with id ${id}` })
  })
  if (details.length) throw new ApiError(400, 'validation_failed', 'Invalid body', details)
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
