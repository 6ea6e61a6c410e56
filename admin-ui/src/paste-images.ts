/**
 * Pasted HTML meets the library rule of article bodies (docs/media.md): a photo that
 * is already in the library (its src a `/media/{key}` of this site) comes in as a
 * figure; any other image (another site's, a `data:` or `file:` one from a word
 * processor) is taken out here and named, so the editor is told what was left
 * behind instead of losing it silently. Plain string work, no DOM: tags are found
 * by pattern (attribute values may hold `>`), text and other markup are untouched.
 */
import type { Translate } from './i18n/format'
import { libraryKey, mediaPath } from './media-url'

/** Every tag and comment in order, so an `<img` inside another tag's attribute value or a comment is never taken for one. */
const TAGS = /<!--[\s\S]*?-->|<\/?([a-zA-Z][\w-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g
const SRC = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const SHOWN = 5

const decode = (s: string) =>
  s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e]!)

/** A dropped image as the editor will recognise it: its file name and the host it came from. */
export function describeImage(src: string): string {
  const text = src.trim()
  if (text === '') return '(no src)'
  if (/^data:/i.test(text)) {
    const end = text.search(/[;,]/)
    return (end > 0 ? text.slice(0, Math.min(end, 40)) : 'data:').toLowerCase()
  }
  try {
    const url = new URL(text, 'http://relative.invalid')
    const name = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || url.hostname
    if (url.hostname === 'relative.invalid') return name
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${name} (${url.hostname})` : `${name} (${url.protocol.slice(0, -1)})`
  } catch {
    return text.slice(0, 60)
  }
}

export interface SortedPaste {
  /** The HTML to parse: library images with their stored src, wrapped in a figure where bare. */
  html: string
  /** What was taken out, one entry per image, in document order. */
  dropped: string[]
}

/**
 * Keeps library photos and takes out every other image.
 *
 * @example
 * sortPastedImages('<p>a<img src="https://x.vn/b.jpg"></p>', [origin]) // { html: '<p>a</p>', dropped: ['b.jpg (x.vn)'] }
 */
export function sortPastedImages(html: string, origins: readonly string[]): SortedPaste {
  const dropped: string[] = []
  let figureDepth = 0
  const out = html.replace(TAGS, (tag, name: string | undefined) => {
    const element = name?.toLowerCase()
    if (element === 'figure') return tag[1] === '/' ? ((figureDepth = Math.max(0, figureDepth - 1)), tag) : (figureDepth++, tag)
    if (element !== 'img' || tag[1] === '/') return tag
    const m = SRC.exec(tag)
    const src = decode(m?.[1] ?? m?.[2] ?? m?.[3] ?? '')
    const key = libraryKey(src, origins)
    if (key === null) {
      dropped.push(describeImage(src))
      return ''
    }
    const img = m ? tag.replace(m[0], ` src="${mediaPath(key)}"`) : tag
    return figureDepth > 0 ? img : `<figure>${img}</figure>`
  })
  return { html: out, dropped }
}

/** The notice for the editor: how many images were left out, and which (the first few by name). */
export function droppedNotice(t: Translate, dropped: readonly string[]): string {
  const shown = dropped.slice(0, SHOWN).join(', ')
  const list = dropped.length > SHOWN ? `${shown} ${t('paste.more', { count: dropped.length - SHOWN })}` : shown
  return t('paste.dropped', { count: dropped.length, list })
}
