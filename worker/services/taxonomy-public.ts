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

export function getCategoryBySlug(db: Db, slug: string) {
  return db.selectFrom('categories').select(CATEGORY_COLUMNS).where('slug', '=', slug).executeTakeFirst()
}

export function listChildCategories(db: Db, parentId: number) {
  return db
    .selectFrom('categories')
    .select(CATEGORY_COLUMNS)
    .where('parent_id', '=', parentId)
    .orderBy('position')
    .orderBy('name_sort')
    .execute()
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
