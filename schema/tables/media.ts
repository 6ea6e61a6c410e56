/**
 * Table types for the media library's migrations (0007_media_usage.sql,
 * 0008_media_search.sql). The `media` table itself is core (0001).
 */

export type ArticleMediaRole = 'cover' | 'inline'

/** One article's use of one media item (cover or inline), written by every article save. */
export interface ArticleMediaTable {
  article_id: number
  media_id: number
  role: ArticleMediaRole
}

/** Contentless FTS5 index of the library, keyed by media id (`rowid`); written only by triggers. */
export interface MediaSearchTable {
  rowid: number
  filename: string | null
  alt: string | null
  caption: string | null
  credit: string | null
}

/** The text `media_search` indexes: đ/Đ folded to d, keyed by media id. */
export interface MediaSearchSourceView {
  id: number
  filename: string
  alt: string
  caption: string
  credit: string
}

export interface MediaTables {
  article_media: ArticleMediaTable
  media_search: MediaSearchTable
  media_search_source: MediaSearchSourceView
}
