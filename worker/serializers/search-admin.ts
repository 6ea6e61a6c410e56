import type { AdminSearchHit } from '../../schema/api/search'
import { highlight, snippet } from '../lib/highlight'
import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'
import type { AdminHitRow } from '../services/search/search'

/** An editor's search result: workflow fields, no body, highlighted like the public one. */
export function serializeAdminSearchHit(
  row: AdminHitRow,
  isHit: (foldedWord: string) => boolean,
  settings: SiteSettings,
): AdminSearchHit {
  const zoned = (iso: string | null) => (iso ? toZonedIso(iso, settings.timeZone) : null)
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    version: row.version,
    category:
      row.category_id !== null && row.category_slug !== null && row.category_name !== null
        ? { id: row.category_id, slug: row.category_slug, name: row.category_name }
        : null,
    published_at: zoned(row.published_at),
    scheduled_at: zoned(row.scheduled_at),
    updated_at: toZonedIso(row.updated_at, settings.timeZone),
    deleted_at: zoned(row.deleted_at),
    title_highlight: highlight(row.title, isHit),
    snippet: snippet(`${row.summary}\n${row.body_text}`, isHit),
  }
}
