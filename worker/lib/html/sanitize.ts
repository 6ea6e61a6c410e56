import sanitizeHtml from 'sanitize-html'
import { EMBED_HOSTS } from './embed-hosts'

/**
 * The allowlist for article bodies: text structure, links, images, tables and
 * embedded players from EMBED_HOSTS. Everything else is dropped: script and style
 * (with their content), every `on*` handler and `style` attribute, and any URL
 * whose scheme is not http(s) (mailto/tel for links), so `javascript:` and `data:`
 * never reach a reader.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u',
    's', 'sub', 'sup', 'br', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr',
    'th', 'td', 'caption', 'pre', 'code', 'cite', 'mark', 'small', 'span', 'div', 'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title'],
  transformTags: {
    // A link that opens a new tab must not hand the article's window to the target.
    a: (tagName, attribs) =>
      attribs.target === '_blank' ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } } : { tagName, attribs },
  },
  // An iframe or image whose src was refused is dropped whole, not left empty.
  exclusiveFilter: (frame) => (frame.tag === 'iframe' || frame.tag === 'img') && !frame.attribs.src,
}

/** Sanitized article HTML. Text (Vietnamese included) passes through unchanged. */
export function sanitizeArticleHtml(dirty: string): string {
  return sanitizeHtml(dirty, OPTIONS).trim()
}
