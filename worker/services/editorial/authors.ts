import type { AuthorCreate, AuthorPatch } from '../../../schema/api/admin-taxonomies'
import type { Db } from '../../db/client'
import { ApiError, notFound } from '../../lib/errors'
import { matchVersion } from '../../lib/precondition'
import { viSortKey } from '../../lib/vi-collate'
import type { Actor } from './actor'
import { articleCount, insertTaxonomy, taxonomySlug } from './taxonomy-common'
import { pageByName } from './taxonomy-list'
import { deleteVersioned, updateVersioned } from './versioned-row'

const selectAuthors = (db: Db) =>
  db
    .selectFrom('authors as x')
    .select(['x.id', 'x.slug', 'x.name', 'x.name_sort', 'x.bio', 'x.avatar_url', 'x.user_id', 'x.version', 'x.created_at', 'x.updated_at', articleCount('authors').as('article_count')])

/** Every byline (with articles or not), in Vietnamese alphabetical order. */
export const listAdminAuthors = (db: Db, opts: { limit: number; cursor?: string | undefined }) =>
  pageByName('admin-authors:name', opts, (after, limit) => {
    let q = selectAuthors(db)
    if (after) q = q.where((eb) => eb(eb.refTuple('x.name_sort', 'x.id'), '>', eb.tuple(after.value, after.id)))
    return q.orderBy('x.name_sort').orderBy('x.id').limit(limit).execute()
  })

export async function getAdminAuthor(db: Db, id: number) {
  const row = await selectAuthors(db).where('x.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Author')
  return row
}

async function checkUser(db: Db, userId: number | null | undefined) {
  if (userId === null || userId === undefined) return
  const user = await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()
  if (!user) throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: 'json.user_id', message: `no user with id ${userId}` }])
}

/** Two reporters may share a name: the second gets `-2` on its slug. */
export async function createAuthor(db: Db, d1: D1Database, input: AuthorCreate, actor: Actor) {
  await checkUser(db, input.user_id)
  const slug = await taxonomySlug(db, 'authors', { requested: input.slug, name: input.name, ownerId: null, suffix: true })
  return insertTaxonomy(db, d1, 'authors', {
    slug,
    name: input.name,
    name_sort: viSortKey(input.name),
    bio: input.bio ?? '',
    avatar_url: input.avatar_url ?? null,
    user_id: input.user_id ?? null,
  }, actor)
}

export async function updateAuthor(db: Db, d1: D1Database, id: number, ifMatch: number | undefined, patch: AuthorPatch, actor: Actor) {
  const before = await getAdminAuthor(db, id)
  const version = matchVersion('author', ifMatch, before.version)
  await checkUser(db, patch.user_id)
  if (patch.slug !== undefined) await taxonomySlug(db, 'authors', { requested: patch.slug, name: before.name, ownerId: id, suffix: true })
  await updateVersioned(db, d1, 'authors', id, version, {
    ...patch,
    ...(patch.name !== undefined ? { name_sort: viSortKey(patch.name) } : {}),
  }, { actor, action: 'author.updated', details: { fields: Object.keys(patch) } })
}

/** Deletes a byline; articles lose it (their links cascade). */
export async function deleteAuthor(db: Db, d1: D1Database, id: number, ifMatch: number | undefined, actor: Actor) {
  const before = await getAdminAuthor(db, id)
  const version = matchVersion('author', ifMatch, before.version)
  await deleteVersioned(db, d1, 'authors', id, version, { actor, action: 'author.deleted', details: { slug: before.slug, name: before.name, articles: before.article_count } })
}
