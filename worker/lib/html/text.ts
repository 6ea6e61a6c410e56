/**
 * The plain text of sanitized article HTML, for search and reading time. Block
 * elements become line breaks so words of adjacent paragraphs never run together.
 * Input must already be sanitized (well-formed, no script or style content).
 */
const BLOCK = /<\/?(p|h[1-6]|blockquote|ul|ol|li|figure|figcaption|table|thead|tbody|tfoot|tr|th|td|caption|pre|div|hr|br)\b[^>]*>/gi

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })

export function htmlToText(html: string): string {
  const text = decodeEntities(html.replace(BLOCK, '\n').replace(/<[^>]*>/g, ''))
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Words (for Vietnamese: syllables) that contain a letter or digit. */
export const countWords = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
