import { WORD, foldD, foldVietnamese } from '../../lib/vi-fold'

/** Words beyond this are ignored: a pasted paragraph is not a search. */
export const MAX_QUERY_WORDS = 16
/** A longer "word" is cut: no Vietnamese syllable comes close. */
const MAX_WORD_LENGTH = 40
/** A last word shorter than this is matched whole, not as a prefix (too many terms). */
const MIN_PREFIX_LENGTH = 2

interface Group {
  /** Lowercase NFC words as typed. */
  words: string[]
  /** The last word may be unfinished: match it as a prefix. */
  prefix: boolean
}

/** A reader's query, compiled for the two FTS5 indexes and the highlighter. */
export interface SearchQuery {
  /** FTS5 query for `search_folded`; null when the input has no word to search. */
  folded: string | null
  /** FTS5 query matching, as typed, every word the reader typed with accents; null if none. */
  exact: string | null
  /** Is this folded word of an article a hit (for `<mark>`)? */
  isHit: (foldedWord: string) => boolean
}

/** An FTS5 string literal. Words never hold `"`, but nothing here trusts that. */
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`

const wordsOf = (text: string) =>
  [...text.toLowerCase().matchAll(WORD)]
    .map((m) => [...m[0]].slice(0, MAX_WORD_LENGTH).join(''))
    .filter((w) => foldVietnamese(w).length > 0)

/**
 * Splits input into groups: a quoted span is one phrase; outside quotes each
 * whitespace-separated chunk is one group (`COVID-19` stays a phrase of two words).
 * Quotes pair up left to right; a lone last `"` is ignored. Every other character
 * that means something to FTS5 (`( ) * - ^ : + NEAR AND OR NOT`) is either not part
 * of a word or becomes a quoted, literal word, so no input is an FTS5 syntax error.
 */
function groupsOf(raw: string): Group[] {
  const text = raw.normalize('NFC')
  // The reader is still typing the last word when the input ends inside it.
  const endsInWord = /[\p{L}\p{M}\p{N}]$/u.test(text)
  const parts = text.split('"')
  const groups: Group[] = []
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1
    const chunks = quoted ? [part] : part.split(/\s+/)
    chunks.forEach((chunk, j) => {
      const words = wordsOf(chunk)
      const open = endsInWord && i === parts.length - 1 && j === chunks.length - 1
      const last = words.at(-1)
      if (last) groups.push({ words, prefix: open && foldVietnamese(last).length >= MIN_PREFIX_LENGTH })
    })
  })
  return capWords(groups)
}

function capWords(groups: Group[]): Group[] {
  const out: Group[] = []
  let budget = MAX_QUERY_WORDS
  for (const g of groups) {
    if (budget <= 0) break
    const words = g.words.slice(0, budget)
    budget -= words.length
    out.push({ words, prefix: g.prefix && words.length === g.words.length })
  }
  return out
}

/**
 * Compiles any string into safe FTS5 queries (implicit AND of quoted phrases, the
 * last unfinished word as a prefix) plus a matcher for highlighting.
 *
 * @example
 * compileQuery('Đoàn thanh nien').folded // '"doàn" "thanh" "nien"*'
 * compileQuery('Đoàn thanh nien').exact  // '"đoàn"'
 */
export function compileQuery(raw: string): SearchQuery {
  const groups = groupsOf(raw)
  const folded = groups.map((g) => quote(foldD(g.words.join(' '))) + (g.prefix ? '*' : '')).join(' ')

  const accented = new Map<string, boolean>()
  for (const g of groups) {
    g.words.forEach((w, i) => {
      const isPrefix = g.prefix && i === g.words.length - 1
      if (foldVietnamese(w) !== w) accented.set(w, (accented.get(w) ?? false) || isPrefix)
    })
  }
  const exact = [...accented].map(([w, prefix]) => quote(w) + (prefix ? '*' : '')).join(' ')

  const whole = new Set<string>()
  const prefixes: string[] = []
  for (const g of groups) {
    g.words.forEach((w, i) => {
      if (g.prefix && i === g.words.length - 1) prefixes.push(foldVietnamese(w))
      else whole.add(foldVietnamese(w))
    })
  }
  return {
    folded: folded || null,
    exact: exact || null,
    isHit: (word) => whole.has(word) || prefixes.some((p) => word.startsWith(p)),
  }
}
