/**
 * WordPress post content as article HTML: `[caption]` shortcodes become figures,
 * every other shortcode is stripped (its tags; enclosed text stays), and blank
 * lines become paragraphs as WordPress's wpautop would render them.
 */

const CAPTION = /\[caption([^\]]*)\]([\s\S]*?)\[\/caption\]/gi
const SHORTCODE = /\[\/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi
const BLOCK = /^<(p|div|figure|h[1-6]|ul|ol|blockquote|table|pre|hr)\b/i

/** `[caption …]<img …/> Text[/caption]` → `<figure><img …/><figcaption>Text</figcaption></figure>`. */
function captionToFigure(_whole, attrs, inner) {
  const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
  const linked = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>/i.exec(inner)?.[0]
  const rest = inner.replace(linked ?? img, '').trim()
  const caption = rest || /caption="([^"]*)"/i.exec(attrs)?.[1] || ''
  return `\n\n<figure>${img}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>\n\n`
}

/** @param {string} content @returns {string} */
export function wxrContentToHtml(content) {
  const figures = content.replace(CAPTION, captionToFigure)
  const stripped = figures.replace(SHORTCODE, '')
  return stripped
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (BLOCK.test(block) ? block : `<p>${block.replace(/\n/g, '<br>')}</p>`))
    .join('\n')
}

/** The excerpt as plain text (it becomes the summary). */
export const plainExcerpt = (excerpt) => excerpt.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()
