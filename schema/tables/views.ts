import type { Selectable } from 'kysely'

/** All-time views per article (0004_views.sql). */
export interface ArticleViewsTable {
  article_id: number
  /** Copy of articles.category_id, kept by a trigger. */
  category_id: number | null
  total: number
  updated_at: string
}

/** Views per article per UTC hour; `hour` is the ISO start of the hour. */
export interface ArticleViewHoursTable {
  article_id: number
  hour: string
  /** Copy of articles.category_id, kept by a trigger. */
  category_id: number | null
  views: number
}

/** KV shard keys whose counts are already in the two tables above. */
export interface ViewShardsDoneTable {
  key: string
  done_at: string
}

/** Table types for the views feature's migration. */
export interface ViewTables {
  article_views: ArticleViewsTable
  article_view_hours: ArticleViewHoursTable
  view_shards_done: ViewShardsDoneTable
}

export type ArticleViews = Selectable<ArticleViewsTable>
export type ArticleViewHour = Selectable<ArticleViewHoursTable>
