import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'

/**
 * The public URL of an article from the site's pattern, e.g. `/{category}/{slug}`
 * or `/{yyyy}/{mm}/{dd}/{slug}-{id}.html`. Dates are in the site's time zone.
 */
export function articleUrl(
  settings: SiteSettings,
  a: { id: number; slug: string; published_at: string | null; category_slug: string | null },
): string {
  const local = a.published_at ? toZonedIso(a.published_at, settings.timeZone) : ''
  const path = settings.articleUrlPattern
    .replaceAll('{category}', a.category_slug ?? 'tin-tuc')
    .replaceAll('{slug}', a.slug)
    .replaceAll('{id}', String(a.id))
    .replaceAll('{yyyy}', local.slice(0, 4))
    .replaceAll('{mm}', local.slice(5, 7))
    .replaceAll('{dd}', local.slice(8, 10))
  return `${settings.url}${path.startsWith('/') ? '' : '/'}${path}`
}
