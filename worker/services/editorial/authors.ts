import type { AuthorCreate, AuthorPatch } from '../../../schema/api/admin-taxonomies'
import type { Db, D1Handle } from '../../db/client'
import { notFound } from '../../lib/errors'
import { matchVersion } from '../../lib/precondition'
import { pageByName, type NamePageOptions } from '../name-page'
import type { Actor } from './actor'
import { checkReference } from './references'
import { articleCount, insertTaxonomy, taxonomySlug } from './taxonomy-common'
import { deleteVersioned, updateVersioned } from './versioned-row'

const selectAuthors = (db: Db) =>
  db
    .selectFrom('authors as x')
    .select(['x.id', 'x.slug', 'x.name', 'x.name_sort', 'x.bio', 'x.avatar_url', 'x.user_id', 'x.version', 'x.created_at', 'x.updated_at', articleCount('authors').as('article_count')])

/** Every byline (with articles or not), in Vietnamese alphabetical order. */
export const listAdminAuthors = (db: Db, opts: NamePageOptions) =>
  pageByName('admin-authors:name', opts, selectAuthors(db))

export async function getAdminAuthor(db: Db, id: number) {
  const row = await selectAuthors(db).where('x.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Author')
  return row
}

/** Two reporters may share a name: the second gets `-2` on its slug. */
export async function createAuthor(db: Db, d1: D1Handle, input: AuthorCreate, actor: Actor) {
  await checkReference(db, 'users', 'user_id', input.user_id)
  const slug = await taxonomySlug(db, 'authors', { requested: input.slug, name: input.name, ownerId: null, suffix: true })
  return insertTaxonomy(db, d1, 'authors', {
    slug,
    name: input.name,
    bio: input.bio ?? '',
    avatar_url: input.avatar_url ?? null,
    user_id: input.user_id ?? null,
  }, actor)
}

export async function updateAuthor(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, patch: AuthorPatch, actor: Actor) {
  const before = await getAdminAuthor(db, id)
  const version = matchVersion('author', ifMatch, before.version)
  await checkReference(db, 'users', 'user_id', patch.user_id)
  if (patch.slug !== undefined) await taxonomySlug(db, 'authors', { requested: patch.slug, name: before.name, ownerId: id, suffix: true })
  await updateVersioned(db, d1, 'authors', id, version, patch, { actor, action: 'author.updated', details: { fields: Object.keys(patch) } })
}

/** Deletes a byline; articles lose it (their links cascade). */
export async function deleteAuthor(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor) {
  const before = await getAdminAuthor(db, id)
  const version = matchVersion('author', ifMatch, before.version)
  await deleteVersioned(db, d1, 'authors', id, version, { actor, action: 'author.deleted', details: { slug: before.slug, name: before.name, articles: before.article_count } })
}
