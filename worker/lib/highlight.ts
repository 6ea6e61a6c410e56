import { WORD, foldVietnamese } from './vi-fold'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe to place anywhere in HTML (element content or a quoted attribute). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** Only so much of a long body is scanned for the best snippet. */
const MAX_SCAN_CHARS = 20_000

interface Word {
  start: number
  end: number
  hit: boolean
}

function wordsOf(text: string, isHit: (folded: string) => boolean): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: isHit(foldVietnamese(m[0])),
  }))
}

/**
 * The text between two offsets as HTML: every piece of the article's text is
 * escaped, and the only markup added is `<mark>` around hit words (adjacent hits
 * share one mark). Nothing the article contains can become a tag.
 */
function render(text: string, words: Word[], from: number, to: number): string {
  let html = ''
  let at = from
  for (const w of words) {
    if (w.start < from || w.end > to || !w.hit) continue
    html += `${escapeHtml(text.slice(at, w.start))}<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`
    at = w.end
  }
  html += escapeHtml(text.slice(at, to))
  return html.replaceAll('</mark> <mark>', ' ')
}

const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * The whole text as safe HTML with the query's words marked, e.g. for a title.
 *
 * @example
 * highlight('Mưa lớn ở <Lạng Sơn>', (w) => w === 'lang' || w === 'son')
 * // 'Mưa lớn ở &lt;<mark>Lạng Sơn</mark>&gt;'
 */
export function highlight(text: string, isHit: (folded: string) => boolean): string {
  const t = clean(text)
  return render(t, wordsOf(t, isHit), 0, t.length)
}

/**
 * The window of `maxWords` words with the most hits (the earliest of equals), as safe
 * HTML with hits marked and `…` where text was cut.
 */
export function snippet(text: string, isHit: (folded: string) => boolean, maxWords = 30): string {
  const t = clean(text).slice(0, MAX_SCAN_CHARS)
  const words = wordsOf(t, isHit)
  if (words.length === 0) return escapeHtml(t.slice(0, 200))
  let best = 0
  let bestHits = -1
  let hits = 0
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) hits++
    const start = i - maxWords + 1
    if (start > 0 && words[start - 1]!.hit) hits--
    if (hits > bestHits) {
      bestHits = hits
      best = Math.max(0, start)
    }
  }
  const last = Math.min(words.length, best + maxWords) - 1
  const from = best === 0 ? 0 : words[best]!.start
  const to = last === words.length - 1 ? t.length : words[last]!.end
  return `${from > 0 ? '… ' : ''}${render(t, words, from, to)}${to < t.length ? ' …' : ''}`
}
