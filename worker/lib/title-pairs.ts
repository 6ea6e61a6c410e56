// With its extension: Node scripts (npm start's demo seed, the bench seed) import
// this file by type stripping, which resolves no extensionless relative import.
import { WORD, foldVietnamese } from './vi-fold.ts'

/** Title word pairs kept per article (the first ones: headlines lead with the subject). */
export const MAX_TITLE_PAIRS = 12

/**
 * Adjacent word pairs of a title, accent-folded, for related articles. Vietnamese
 * words are syllables, so "lang son" or "ngap ung" as pairs find the same subject
 * where single syllables ("son", "ung") find anything. A one-word title is its own
 * pair. Stored with the article (`articles.title_pairs`, as JSON) wherever a title
 * is written, because SQLite cannot fold Vietnamese.
 *
 * @example
 * titleWordPairs('Lạng Sơn: Mưa lớn') // ['lang son', 'son mua', 'mua lon']
 */
export function titleWordPairs(title: string): string[] {
  const words = [...foldVietnamese(title).matchAll(WORD)].map((m) => m[0])
  const pairs = words.length === 1 ? words : words.slice(1).map((w, i) => `${words[i]} ${w}`)
  return [...new Set(pairs)].slice(0, MAX_TITLE_PAIRS)
}

/** The `title_pairs` column of a title. */
export const titlePairsJson = (title: string) => JSON.stringify(titleWordPairs(title))
