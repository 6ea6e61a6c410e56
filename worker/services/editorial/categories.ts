import { sql } from 'kysely'
import type { CategoryCreate, CategoryPatch } from '../../../schema/api/admin-taxonomies'
import type { Db, D1Handle } from '../../db/client'
import { ApiError, notFound } from '../../lib/errors'
import { matchVersion } from '../../lib/precondition'
import type { Actor } from './actor'
import { checkReference } from './references'
import { articleCount, insertTaxonomy, taxonomySlug } from './taxonomy-common'
import { deleteVersioned, updateVersioned } from './versioned-row'

const COLUMNS = ['x.id', 'x.slug', 'x.name', 'x.description', 'x.parent_id', 'x.position', 'x.version', 'x.created_at', 'x.updated_at'] as const

const selectCategories = (db: Db) => db.selectFrom('categories as x').select([...COLUMNS, articleCount('categories').as('article_count')])

/** Every category (the tree is small), parents' order then Vietnamese order. */
export const listAdminCategories = (db: Db) => selectCategories(db).orderBy('x.position').orderBy('x.name_sort').orderBy('x.id').execute()

export async function getAdminCategory(db: Db, id: number) {
  const row = await selectCategories(db).where('x.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Category')
  return row
}

/**
 * True when `parentId` is `id` or one of its descendants, i.e. making it the
 * parent would close a loop. Walks up from the new parent with a recursive query
 * (UNION stops even on a tree that is already broken).
 */
const makesCycle = (id: number, parentId: number) =>
  sql<boolean>`EXISTS (WITH RECURSIVE up(id) AS (SELECT ${parentId} UNION SELECT c.parent_id FROM categories c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL) SELECT 1 FROM up WHERE up.id = ${id})`

const cycleError = () =>
  new ApiError(409, 'conflict', 'A category cannot be moved under itself or one of its own subcategories', [
    { path: 'json.parent_id', message: 'would create a cycle' },
  ])

export async function createCategory(db: Db, d1: D1Handle, input: CategoryCreate, actor: Actor) {
  await checkReference(db, 'categories', 'parent_id', input.parent_id)
  const slug = await taxonomySlug(db, 'categories', { requested: input.slug, name: input.name, ownerId: null, suffix: true })
  return insertTaxonomy(db, d1, 'categories', {
    slug,
    name: input.name,
    description: input.description ?? '',
    parent_id: input.parent_id ?? null,
    position: input.position ?? 0,
  }, actor)
}

export async function updateCategory(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, patch: CategoryPatch, actor: Actor) {
  const before = await getAdminCategory(db, id)
  const version = matchVersion('category', ifMatch, before.version)
  await checkReference(db, 'categories', 'parent_id', patch.parent_id)
  const newParent = patch.parent_id ?? null
  if (newParent === id) throw cycleError()
  if (patch.slug !== undefined) await taxonomySlug(db, 'categories', { requested: patch.slug, name: before.name, ownerId: id, suffix: true })
  await updateVersioned(db, d1, 'categories', id, version, patch, {
    actor,
    action: 'category.updated',
    details: { fields: Object.keys(patch) },
    ...(newParent !== null ? { onlyIf: sql<boolean>`NOT ${makesCycle(id, newParent)}`, onlyIfError: cycleError() } : {}),
  })
}

/** Deletes an empty category: one with articles (any status, trash too) or subcategories is a 409. */
export async function deleteCategory(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor) {
  const before = await getAdminCategory(db, id)
  const version = matchVersion('category', ifMatch, before.version)
  const children = await db.selectFrom('categories').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow()
  if (before.article_count > 0 || children.n > 0) {
    throw new ApiError(409, 'conflict', 'Only an empty category can be deleted; move its articles and subcategories first', [
      { path: 'articles', message: `${before.article_count} article(s) use it` },
      { path: 'children', message: `${children.n} subcategories under it` },
    ])
  }
  await deleteVersioned(db, d1, 'categories', id, version, { actor, action: 'category.deleted', details: { slug: before.slug, name: before.name } })
}
