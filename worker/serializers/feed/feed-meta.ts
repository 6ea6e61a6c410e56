import type { SiteSettings } from '../../lib/settings'
import type { FeedEntry } from './feed-entry'
import { zonedDate } from './zoned-date'

/** What a feed says about itself, shared by RSS, Atom and JSON Feed. */
export interface FeedMeta {
  /** The site name, with the category's name for a category feed. */
  title: string
  description: string
  /** The site's home page (SITE_URL). */
  siteUrl: string
  /** This document's absolute URL on the host that served it. */
  selfUrl: string
  language: string
  /** The newest `updated` of its entries: the same entries always give the same bytes (and ETag). */
  updated: Date
}

/** An empty feed's `updated`: a fixed instant, so its ETag does not change from one request to the next. */
const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00Z'

/**
 * The feed's own description from the request that asked for it (`/feeds/rss.xml?category=thoi-su`)
 * and its entries: the category's name comes from them (its slug for an empty category).
 */
export function feedMeta(settings: SiteSettings, requestUrl: string, category: string | undefined, entries: FeedEntry[]): FeedMeta {
  const url = new URL(requestUrl)
  const label = category ? `${settings.name}: ${entries[0]?.category?.name ?? category}` : settings.name
  let newest: Date | null = null
  for (const e of entries) if (!newest || e.updated.getTime() > newest.getTime()) newest = e.updated
  return {
    title: label,
    description: label,
    siteUrl: settings.url,
    selfUrl: `${url.origin}${url.pathname}${category ? `?category=${category}` : ''}`,
    language: settings.language,
    updated: newest ?? zonedDate(EMPTY_FEED_UPDATED, settings.timeZone),
  }
}
