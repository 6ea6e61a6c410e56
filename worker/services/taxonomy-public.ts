import type { Db } from '../db/client'
import { decodeCursor, encodeCursor } from '../lib/cursor'

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

/**
 * Tags or authors in Vietnamese alphabetical order (name_sort), keyset-paginated.
 * Only those with at least one published article are listed.
 */
export async function listTaxonomy(
  db: Db,
  kind: 'tags' | 'authors',
  opts: { limit: number; cursor?: string | undefined },
) {
  const sortName = `${kind}:name`
  let q =
    kind === 'tags'
      ? db
          .selectFrom('tags as x')
          .select(['x.id', 'x.slug', 'x.name', 'x.name_sort'])
          .where((eb) => eb.exists(eb.selectFrom('article_tags as l').select('l.tag_id').whereRef('l.tag_id', '=', 'x.id').where('l.pub_at', 'is not', null)))
      : db
          .selectFrom('authors as x')
          .select(['x.id', 'x.slug', 'x.name', 'x.name_sort', 'x.bio', 'x.avatar_url'])
          .where((eb) => eb.exists(eb.selectFrom('article_authors as l').select('l.author_id').whereRef('l.author_id', '=', 'x.id').where('l.pub_at', 'is not', null)))
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor, sortName)
    q = q.where((eb) => eb(eb.refTuple('x.name_sort', 'x.id'), '>', eb.tuple(String(c.value), c.id)))
  }
  const rows = (await q.orderBy('x.name_sort').orderBy('x.id').limit(opts.limit + 1).execute()) as Array<{
    id: number
    slug: string
    name: string
    name_sort: string
    bio?: string
    avatar_url?: string | null
  }>
  const hasMore = rows.length > opts.limit
  const page = hasMore ? rows.slice(0, opts.limit) : rows
  const last = page.at(-1)
  return {
    items: page,
    nextCursor: hasMore && last ? encodeCursor({ sort: sortName, value: last.name_sort, id: last.id }) : null,
  }
}
