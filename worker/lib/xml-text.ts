/**
 * Characters XML 1.0 forbids anywhere in a document, even escaped: C0 controls
 * other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
 * Admin text fields accept them (a title pasted from a word processor can carry
 * U+000B), and one of them makes a whole feed or sitemap unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` without the characters XML cannot carry. */
export const xmlSafe = (text: string) => text.replace(NOT_XML, '')

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text for an XML element or a double-quoted attribute: forbidden characters
 * dropped, the five markup characters escaped.
 *
 * @example
 * escapeXml('A & B <C>') // 'A &amp; B &lt;C&gt;'
 */
export const escapeXml = (text: string) => xmlSafe(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!)
