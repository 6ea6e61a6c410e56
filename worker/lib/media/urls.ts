import type { SiteSettings } from '../settings'

/** The absolute URL of a library file. */
export const mediaUrl = (settings: SiteSettings, key: string) => `${settings.url}/media/${key}`

/**
 * The srcset of a library image when Image Resizing is on (null when it is off):
 * one resized URL per `IMAGE_WIDTHS` width up to the original's width. An image of
 * unknown width gets every width (`fit=scale-down` never enlarges).
 *
 * @example
 * srcsetFor(settings, 'ab12.jpg', 1000) // [{ width: 480, url: 'https://site/cdn-cgi/image/width=480,fit=scale-down,format=auto/media/ab12.jpg' }, { width: 800, … }]
 */
export function srcsetFor(settings: SiteSettings, key: string, width: number | null): { width: number; url: string }[] | null {
  if (!settings.imageResizing) return null
  return settings.imageWidths
    .filter((w) => width === null || w <= width)
    .map((w) => ({ width: w, url: `${settings.url}/cdn-cgi/image/width=${w},fit=scale-down,format=auto/media/${key}` }))
}
