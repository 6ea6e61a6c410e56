import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { bundleColumns, toBundle, type ArticleBundle, type ArticleRow, type BundleJson } from './bundle'
import type { ReadResult } from './read-batch'

/** A published article as public reads return it: its bundle and its current view count. */
export interface PublicBundle extends ArticleBundle {
  views: number
}

/**
 * What a public read selects besides PUBLIC_ARTICLE_COLUMNS for the article aliased
 * `a`: its links as JSON (bundleColumns) and its all-time view total from D1.
 *
 * @example
 * db.selectFrom('articles as a').select(PUBLIC_ARTICLE_COLUMNS).select(publicExtras(db))
 */
export const publicExtras = (db: Db) => [
  ...bundleColumns(db),
  db.selectFrom('article_views as v').select('v.total').where('v.article_id', '=', sql.ref<number>('a.id')).as('views_total'),
] as const

type PublicRow = ArticleRow & BundleJson & { views_total: number | null }

/** Rows selected with publicExtras, with the views this isolate counted and D1 does not hold yet. */
export function toPublicBundles(rows: Record<string, unknown>[], read: Pick<ReadResult, 'localViews'>): PublicBundle[] {
  const typed = rows as unknown as PublicRow[]
  const local = read.localViews(typed.map((r) => r.id))
  return typed.map(({ views_total, ...row }) => ({ ...toBundle(row), views: (views_total ?? 0) + (local.get(row.id) ?? 0) }))
}
