import slugify from 'slugify'

/** Longest slug we generate; editors may still type a shorter one by hand. */
export const MAX_SLUG_LENGTH = 96

/** What a stored slug looks like: ASCII lowercase words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A URL slug from Vietnamese text: tones removed, đ/Đ -> d, ASCII, lowercase,
 * hyphenated, cut at a word boundary. Input is NFC-normalized first so decomposed
 * text (as some keyboards and Word produce) folds the same as precomposed text.
 *
 * @example
 * toSlug('Đà Nẵng: Đường phố ngập sâu') // 'da-nang-duong-pho-ngap-sau'
 */
export function toSlug(text: string, maxLength = MAX_SLUG_LENGTH): string {
  // slugify drops punctuation without a separator ("30/4" would become "304"), so
  // punctuation that separates words becomes a space first.
  const normalized = text
    .normalize('NFC')
    .replace(/%/g, ' phan tram ')
    .replace(/[/\\|.,:;_+=()[\]{}"'“”‘’«»…·–—-]+/g, ' ')
  const slug = slugify(normalized, { lower: true, strict: true, locale: 'vi', trim: true })
  if (slug.length <= maxLength) return slug
  const cut = slug.slice(0, maxLength + 1)
  const boundary = cut.lastIndexOf('-')
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '')
}
