/**
 * Library images in sanitized article HTML. The sanitizer writes every image as
 * `<img src="…" alt="…"[ width="…"][ height="…"] />` (image-policy.ts), so one
 * regular expression reads and rewrites them exactly; never use these on HTML that
 * did not come out of sanitizeArticleHtml.
 */
/** An image as the sanitizer writes it: src, alt, width, height (the last two optional). */
export const IMG_TAG = /<img src="([^"]*)" alt="([^"]*)"(?: width="(\d+)")?(?: height="(\d+)")? \/>/g
export const MEDIA_SRC = '/media/'

/** What the library says about an image: its size and default alt text. */
export interface LibraryImage {
  width: number | null
  height: number | null
  alt: string
}

/** The distinct library keys of an article's images, in order of first use. */
export function libraryKeys(html: string): string[] {
  const keys = new Set<string>()
  for (const m of html.matchAll(IMG_TAG)) if (m[1]!.startsWith(MEDIA_SRC)) keys.add(m[1]!.slice(MEDIA_SRC.length))
  return [...keys]
}

/**
 * The sizes a body already gives its library images (no alt: an image the article
 * already showed keeps the alt the editor left it, even an empty one).
 */
export function sizesIn(html: string): Map<string, LibraryImage> {
  const sizes = new Map<string, LibraryImage>()
  for (const [, src, , width, height] of html.matchAll(IMG_TAG)) {
    if (!src!.startsWith(MEDIA_SRC) || !width || !height) continue
    sizes.set(src!.slice(MEDIA_SRC.length), { width: Number(width), height: Number(height), alt: '' })
  }
  return sizes
}

/** An attribute value as the sanitizer escapes it, so the result is still its fixed point. */
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * The HTML with each library image described by the library: width and height
 * from the item (the author's are kept where the item has none), an empty alt
 * filled with the item's default alt. Keys the library does not know are left.
 */
export function describeLibraryImages(html: string, library: Map<string, LibraryImage>): string {
  return html.replace(IMG_TAG, (whole, src: string, alt: string, width?: string, height?: string) => {
    const item = src.startsWith(MEDIA_SRC) ? library.get(src.slice(MEDIA_SRC.length)) : undefined
    if (!item) return whole
    const w = item.width ?? width
    const h = item.height ?? height
    return `<img src="${src}" alt="${alt || attr(item.alt)}"${w ? ` width="${w}"` : ''}${h ? ` height="${h}"` : ''} />`
  })
}

const FIGURE = /<figure><img src="\/media\/([^"]*)"[^>]*\/>(?:<figcaption>[\s\S]*?<\/figcaption>)?<\/figure>/g

/** The HTML without the figures (caption included) of these library keys. */
export const dropLibraryFigures = (html: string, keys: ReadonlySet<string>) =>
  keys.size === 0 ? html : html.replace(FIGURE, (whole, key: string) => (keys.has(key) ? '' : whole))
