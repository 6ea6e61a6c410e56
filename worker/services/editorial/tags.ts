import type { TagCreate, TagPatch } from '../../../schema/api/admin-taxonomies'
import type { Db, D1Handle } from '../../db/client'
import { notFound } from '../../lib/errors'
import { matchVersion } from '../../lib/precondition'
import { pageByName, type NamePageOptions } from '../name-page'
import type { Actor } from './actor'
import { articleCount, insertTaxonomy, taxonomySlug } from './taxonomy-common'
import { deleteVersioned, updateVersioned } from './versioned-row'

const selectTags = (db: Db) =>
  db.selectFrom('tags as x').select(['x.id', 'x.slug', 'x.name', 'x.name_sort', 'x.version', 'x.created_at', 'x.updated_at', articleCount('tags').as('article_count')])

/** Every tag (used or not), in Vietnamese alphabetical order. */
export const listAdminTags = (db: Db, opts: NamePageOptions) =>
  pageByName('admin-tags:name', opts, selectTags(db))

export async function getAdminTag(db: Db, id: number) {
  const row = await selectTags(db).where('x.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Tag')
  return row
}

/** A tag is its slug: a second "Đà Nẵng" (or "Da Nang") is a 409, not `da-nang-2`. */
export async function createTag(db: Db, d1: D1Handle, input: TagCreate, actor: Actor) {
  const slug = await taxonomySlug(db, 'tags', { requested: input.slug, name: input.name, ownerId: null, suffix: false })
  return insertTaxonomy(db, d1, 'tags', { slug, name: input.name }, actor)
}

/** Renames a tag; its slug changes only when one is given. */
export async function updateTag(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, patch: TagPatch, actor: Actor) {
  const before = await getAdminTag(db, id)
  const version = matchVersion('tag', ifMatch, before.version)
  if (patch.slug !== undefined) await taxonomySlug(db, 'tags', { requested: patch.slug, name: before.name, ownerId: id, suffix: false })
  await updateVersioned(db, d1, 'tags', id, version, patch, { actor, action: 'tag.updated', details: { fields: Object.keys(patch) } })
}

/** Deletes a tag; articles lose it (their links cascade). */
export async function deleteTag(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor) {
  const before = await getAdminTag(db, id)
  const version = matchVersion('tag', ifMatch, before.version)
  await deleteVersioned(db, d1, 'tags', id, version, { actor, action: 'tag.deleted', details: { slug: before.slug, name: before.name, articles: before.article_count } })
}
