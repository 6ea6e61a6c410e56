import { IMG_TAG, MEDIA_SRC } from '../lib/html/library-images'
import { mediaUrl, srcsetFor } from '../lib/media/urls'
import type { SiteSettings } from '../lib/settings'

/**
 * How wide an article image is drawn, for the browser to pick from `srcset`: the
 * full viewport on phones, a reading column of at most 800 px elsewhere.
 */
export const IMAGE_SIZES = '(max-width: 800px) 100vw, 800px'

/** A srcset attribute value from srcsetFor's list. */
export const srcsetAttr = (set: { width: number; url: string }[]) => set.map((s) => `${s.url} ${s.width}w`).join(', ')

/**
 * The body as readers get it: library images with absolute URLs (plus `srcset`
 * and `sizes` when Image Resizing is on), every image `loading="lazy"
 * decoding="async"`. One regular-expression pass over the stored, sanitized body
 * (whose images all have one exact shape), no parsing: cheap enough for every read,
 * and the stored body stays relative, so a new SITE_URL or resizing setting needs
 * no rewrite of the archive.
 *
 * @example
 * publicBodyHtml('<figure><img src="/media/ab.jpg" alt="" width="800" height="600" /></figure>', settings)
 * // '<figure><img src="https://site/media/ab.jpg" alt="" width="800" height="600" loading="lazy" decoding="async" /></figure>'
 */
export function publicBodyHtml(html: string, settings: SiteSettings): string {
  if (!html.includes('<img ')) return html
  return html.replace(IMG_TAG, (_whole, src: string, alt: string, width?: string, height?: string) => {
    const key = src.startsWith(MEDIA_SRC) ? src.slice(MEDIA_SRC.length) : null
    const set = key === null ? null : srcsetFor(settings, key, width ? Number(width) : null)
    const size = `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`
    const responsive = set?.length ? ` srcset="${srcsetAttr(set)}" sizes="${IMAGE_SIZES}"` : ''
    return `<img src="${key === null ? src : mediaUrl(settings, key)}" alt="${alt}"${size}${responsive} loading="lazy" decoding="async" />`
  })
}
