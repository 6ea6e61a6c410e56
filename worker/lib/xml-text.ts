/**
 * Characters XML 1.0 forbids anywhere in a document, even escaped: C0 controls
 * other than tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF.
 * Admin text fields accept them (a title pasted from a word processor can carry
 * U+000B), and one of them makes a whole feed or sitemap unreadable.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` without the characters XML cannot carry. */
export const xmlSafe = (text: string) => text.replace(NOT_XML, '')

// A raw carriage return would be read back as a line feed (XML normalizes line ends).
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' }

/**
 * Text for an XML element or a double-quoted attribute: forbidden characters
 * dropped, the five markup characters and carriage returns escaped, so a parser
 * reads back exactly what was written.
 *
 * @example
 * escapeXml('A & B <C>') // 'A &amp; B &lt;C&gt;'
 */
export const escapeXml = (text: string) => xmlSafe(text).replace(/[&<>"'\r]/g, (ch) => ENTITIES[ch]!)
