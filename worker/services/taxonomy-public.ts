import { jsonArrayFrom } from 'kysely/helpers/sqlite'
import type { Db } from '../db/client'
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

/**
 * A category by slug with its direct children (editor order, then Vietnamese
 * order), or undefined: one statement, the children built as JSON in the row.
 */
export async function getCategoryWithChildren(db: Db, slug: string) {
  const row = await db
    .selectFrom('categories as c')
    .select(['c.id', 'c.slug', 'c.name', 'c.description', 'c.parent_id', 'c.position'])
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom('categories as k').select(['k.id', 'k.slug', 'k.name']).whereRef('k.parent_id', '=', 'c.id').orderBy('k.position').orderBy('k.name_sort'),
      ).as('children_json'),
    )
    .where('c.slug', '=', slug)
    .executeTakeFirst()
  if (!row) return undefined
  const { children_json, ...category } = row
  // SQLite returns the JSON as text (Kysely types it as already parsed).
  return { category, children: JSON.parse(children_json as unknown as string) as ChildCategory[] }
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

/** The current slug of the category that used to answer on `slug` (migration 0012), if any. */
export async function movedCategorySlug(db: Db, slug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('category_slug_history as h')
    .innerJoin('categories as c', 'c.id', 'h.category_id')
    .select('c.slug')
    .where('h.slug', '=', slug)
    .executeTakeFirst()
  return row?.slug
}
