import { jsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Db, D1Handle } from '../db/client'
import { runBatch } from '../db/batch'
import type { Category } from '../../schema/database'
import { pageByName, type NamePageOptions } from './name-page'

const CATEGORY_COLUMNS = ['id', 'slug', 'name', 'description', 'parent_id', 'position'] as const

/** Every category, parents before children, in editor order then Vietnamese order. */
export function listCategories(db: Db) {
  return db
    .selectFrom('categories')
    .select(CATEGORY_COLUMNS)
    .orderBy('position')
    .orderBy('name_sort')
    .orderBy('id')
    .execute()
}

type ChildCategory = { id: number; slug: string; name: string }
type CategoryRow = Pick<Category, (typeof CATEGORY_COLUMNS)[number]>

/** A category with its children, or where its old slug now points. */
export type CategoryLookup = { category: CategoryRow; children: ChildCategory[] } | { movedTo: string | undefined }

/**
 * A category by slug with its direct children (editor order, then Vietnamese
 * order), or the slug it was renamed to (migration 0012), or neither: ONE D1 round
 * trip, the category and the slug history read as two statements of one batch, the
 * children built as JSON in the category's row.
 */
export async function findCategoryBySlug(db: Db, d1: D1Handle, slug: string): Promise<CategoryLookup> {
  const category = db
    .selectFrom('categories as c')
    .select(['c.id', 'c.slug', 'c.name', 'c.description', 'c.parent_id', 'c.position'])
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom('categories as k').select(['k.id', 'k.slug', 'k.name']).whereRef('k.parent_id', '=', 'c.id').orderBy('k.position').orderBy('k.name_sort'),
      ).as('children_json'),
    )
    .where('c.slug', '=', slug)
  const moved = db
    .selectFrom('category_slug_history as h')
    .innerJoin('categories as c', 'c.id', 'h.category_id')
    .select('c.slug')
    .where('h.slug', '=', slug)
  const [found, history] = await runBatch(d1, [category, moved])
  const row = found!.results[0] as (CategoryRow & { children_json: string }) | undefined
  if (!row) return { movedTo: (history!.results[0] as { slug: string } | undefined)?.slug }
  const { children_json, ...rest } = row
  return { category: rest, children: JSON.parse(children_json) as ChildCategory[] }
}

/** Tags with at least one published article, in Vietnamese alphabetical order, keyset-paginated. */
export const listPublicTags = (db: Db, opts: NamePageOptions) =>
  pageByName(
    'tags:name',
    opts,
    db
      .selectFrom('tags as x')
      .select(['x.id', 'x.slug', 'x.name', 'x.name_sort'])
      .where((eb) => eb.exists(eb.selectFrom('article_tags as l').select('l.tag_id').whereRef('l.tag_id', '=', 'x.id').where('l.pub_at', 'is not', null))),
  )

/** Authors with at least one published article, in Vietnamese alphabetical order, keyset-paginated. */
export const listPublicAuthors = (db: Db, opts: NamePageOptions) =>
  pageByName(
    'authors:name',
    opts,
    db
      .selectFrom('authors as x')
      .select(['x.id', 'x.slug', 'x.name', 'x.name_sort', 'x.bio', 'x.avatar_url'])
      .where((eb) => eb.exists(eb.selectFrom('article_authors as l').select('l.author_id').whereRef('l.author_id', '=', 'x.id').where('l.pub_at', 'is not', null))),
  )
