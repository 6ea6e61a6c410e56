import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'

interface Bookkeeping {
  id: number
  version: number
  article_count: number | string
  created_at: string
  updated_at: string
}

const base = (r: Bookkeeping, settings: SiteSettings) => ({
  id: r.id,
  version: r.version,
  article_count: Number(r.article_count),
  created_at: toZonedIso(r.created_at, settings.timeZone),
  updated_at: toZonedIso(r.updated_at, settings.timeZone),
})

/** Staff views of taxonomy rows: editable fields, version and usage; never the sort keys. */
export const serializeAdminCategory = (
  r: Bookkeeping & { slug: string; name: string; description: string; parent_id: number | null; position: number },
  settings: SiteSettings,
) => ({ ...base(r, settings), slug: r.slug, name: r.name, description: r.description, parent_id: r.parent_id, position: r.position })

export const serializeAdminTag = (r: Bookkeeping & { slug: string; name: string }, settings: SiteSettings) => ({
  ...base(r, settings),
  slug: r.slug,
  name: r.name,
})

export const serializeAdminAuthor = (
  r: Bookkeeping & { slug: string; name: string; bio: string; avatar_url: string | null; user_id: number | null },
  settings: SiteSettings,
) => ({ ...base(r, settings), slug: r.slug, name: r.name, bio: r.bio, avatar_url: r.avatar_url, user_id: r.user_id })
