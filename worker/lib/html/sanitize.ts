import sanitizeHtml from 'sanitize-html'
import { EMBED_HOSTS } from './embed-hosts'
import { normalizeFigures } from './figures'
import { imageAttribs, type ImagePolicy } from './image-policy'
import { defined, relForTarget, safeIframeAllow, safeUrl } from './link-guard'

export type { ImagePolicy } from './image-policy'

/**
 * Deeper nesting than this is flattened (the tags go, the text stays): no article
 * needs it, and the figure pass walks the tree recursively.
 */
const NESTING_LIMIT = 100

/**
 * The allowlist for article bodies: text structure, links, figures, tables and
 * embedded players from EMBED_HOSTS. Everything else is dropped: script and style
 * (with their content), every `on*` handler, `style`, `srcset` and any other
 * attribute not listed, and any URL whose scheme is not http(s) (mailto/tel for
 * links), so `javascript:` and `data:` never reach a reader, nor a URL hiding a
 * scheme behind control or separator characters (link-guard.ts). An iframe's
 * `allow` keeps only player features (no camera, microphone, geolocation); a link
 * with a `target` always gets `rel="noopener noreferrer"`. Images follow
 * `policy` (image-policy.ts): a refused one is dropped whole.
 */
const options = (policy: ImagePolicy): sanitizeHtml.IOptions => ({
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'b', 'em', 'i', 'u',
    's', 'sub', 'sup', 'br', 'hr', 'figure', 'figcaption', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr',
    'th', 'td', 'caption', 'pre', 'code', 'cite', 'mark', 'small', 'span', 'div', 'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'loading', 'referrerpolicy'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed'],
    '*': ['lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title'],
  nestingLimit: NESTING_LIMIT,
  transformTags: {
    // A link with any target (a named window too) must not hand the article's window over.
    a: (tagName, attribs) => ({
      tagName,
      attribs: defined({ ...attribs, href: safeUrl(attribs.href), rel: attribs.target === undefined ? attribs.rel : relForTarget(attribs.rel) }),
    }),
    iframe: (tagName, attribs) => ({ tagName, attribs: defined({ ...attribs, src: safeUrl(attribs.src), allow: safeIframeAllow(attribs.allow) }) }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttribs(defined({ ...attribs, src: safeUrl(attribs.src) }), policy) }),
  },
  // An iframe or image whose src was refused is dropped whole, not left empty.
  exclusiveFilter: (frame) => (frame.tag === 'iframe' || frame.tag === 'img') && !frame.attribs.src,
})

/**
 * Sanitized article HTML. Text (Vietnamese included) passes through unchanged;
 * images come out as figures (figures.ts) with a src `policy` allows.
 *
 * @example
 * sanitizeArticleHtml('<p>Tin<img src="/media/3f1c.jpg"></p>', { siteUrl, imageHosts: [] })
 * // '<p>Tin</p><figure><img src="/media/3f1c.jpg" alt="" /></figure>'
 */
export function sanitizeArticleHtml(dirty: string, policy: ImagePolicy): string {
  return normalizeFigures(sanitizeHtml(dirty, options(policy)).trim())
}
