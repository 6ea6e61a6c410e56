/**
 * What changed between two versions of an article, as an editor reads it: the
 * words of the title, sapo and body (the body's HTML reduced to its text, one
 * paragraph a line), compared word by word with jsdiff's `diffWords`.
 */
import { diffWords } from 'diff'

export interface DiffPart {
  text: string
  /** 'same' in both; 'removed' only in the older (left) side; 'added' only in the newer (right). */
  kind: 'same' | 'removed' | 'added'
}

export interface FieldDiff {
  field: 'title' | 'summary' | 'body'
  changed: boolean
  /** The left column: what is common and what the right side no longer has. */
  left: DiffPart[]
  /** The right column: what is common and what only the right side has. */
  right: DiffPart[]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' }

/**
 * The readable text of body HTML: block ends become line breaks, tags go, the
 * common entities are decoded. Not a sanitizer: the result is only ever shown as text.
 *
 * @example
 * htmlToText('<p>Mưa <strong>lớn</strong></p><p>Đà Nẵng</p>') // 'Mưa lớn\nĐà Nẵng'
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|li|blockquote|figcaption|figure)>/gi, '\n')
    .replace(/<img\b[^>]*\balt="([^"]*)"[^>]*>/gi, '[$1]')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/**
 * A word-level diff of `before` → `after` split into two columns for a side-by-side
 * view: the left shows removals, the right additions, both show what is common.
 */
export function sideBySide(field: FieldDiff['field'], before: string, after: string): FieldDiff {
  const left: DiffPart[] = []
  const right: DiffPart[] = []
  for (const change of diffWords(before, after)) {
    if (change.added) right.push({ text: change.value, kind: 'added' })
    else if (change.removed) left.push({ text: change.value, kind: 'removed' })
    else {
      left.push({ text: change.value, kind: 'same' })
      right.push({ text: change.value, kind: 'same' })
    }
  }
  return { field, changed: before !== after, left, right }
}

export interface ArticleText {
  title: string
  summary: string
  body_html: string
}

/** Title, sapo and body of two versions, each as a side-by-side word diff. */
export const articleDiff = (before: ArticleText, after: ArticleText): FieldDiff[] => [
  sideBySide('title', before.title.trim(), after.title.trim()),
  sideBySide('summary', before.summary.trim(), after.summary.trim()),
  sideBySide('body', htmlToText(before.body_html), htmlToText(after.body_html)),
]
