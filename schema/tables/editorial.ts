/** Table types for the editorial feature's migrations. */
import type { Generated } from 'kysely'

/** A signed preview link (0011): revocable, dead with its article's trash, unpublish or embargo change. */
export interface PreviewLinksTable {
  id: Generated<number>
  article_id: number
  created_by: number | null
  created_at: string
  expires_at: string
  revoked_at: string | null
  /** 'revoked', 'trashed', 'unpublished' or 'embargo_changed'. */
  revoked_reason: string | null
}

export interface EditorialTables {
  preview_links: PreviewLinksTable
}
