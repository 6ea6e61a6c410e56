import type { Media } from '../../schema/database'
import type { ArticleMediaRole } from '../../schema/tables/media'
import { mediaUrl, srcsetFor } from '../lib/media/urls'
import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'

/** A library row with its uploader's name (null when the account is gone). */
export type MediaRow = Media & { uploader_name: string | null }

export interface MediaUse {
  id: number
  title: string
  status: string
  role: ArticleMediaRole
}

/**
 * The staff view of a media item (docs/media.md): absolute URL, size in `bytes`,
 * the uploader as `{id, name}`, times in the site's zone, srcset when resizing is on.
 */
export const serializeAdminMedia = (r: MediaRow, settings: SiteSettings) => ({
  id: r.id,
  key: r.key,
  url: mediaUrl(settings, r.key),
  filename: r.filename,
  content_type: r.content_type,
  bytes: r.size,
  width: r.width,
  height: r.height,
  alt: r.alt,
  caption: r.caption,
  credit: r.credit,
  uploaded_by: r.uploaded_by === null ? null : { id: r.uploaded_by, name: r.uploader_name ?? '' },
  version: r.version,
  created_at: toZonedIso(r.created_at, settings.timeZone),
  updated_at: toZonedIso(r.updated_at, settings.timeZone),
  srcset: srcsetFor(settings, r.key, r.width),
})

/** One item with the articles that use it. */
export const serializeAdminMediaDetail = (r: MediaRow, usedBy: MediaUse[], settings: SiteSettings) => ({
  ...serializeAdminMedia(r, settings),
  used_by: usedBy,
})
