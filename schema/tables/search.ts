/**
 * Table types for the search feature's migration (0005_search.sql).
 *
 * `search_folded` and `search_exact` are contentless FTS5 tables keyed by the
 * article id (`rowid`), written only by the triggers on `articles` and queried with
 * `MATCH` through raw SQL in worker/services/search. Their text columns hold no
 * values (contentless): selecting them returns NULL. The hidden column named after
 * the table takes FTS5 commands (`'delete'`, `'delete-all'`, `'optimize'`).
 */
export interface SearchIndexTable {
  rowid: number
  title: string | null
  summary: string | null
  body: string | null
}

/** The text `search_folded` indexes: đ/Đ folded to d, keyed by article id. */
export interface SearchFoldedSourceView {
  id: number
  title: string
  summary: string
  body: string
}

export interface SearchTables {
  search_folded: SearchIndexTable
  search_exact: SearchIndexTable
  search_folded_source: SearchFoldedSourceView
}
