import type { ArticleContent } from '../editorial/content'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * An article's content without media item `mediaId` (key `key`): no cover if it was
 * the cover, and no inline `<figure>` (or bare `<img>`) whose image is
 * `/media/{key}` (relative as stored, or any absolute form of it). Bodies are
 * sanitized on save, so figures have the sanitizer's shape: attributes in double
 * quotes and no figure inside another.
 *
 * @example
 * withoutMedia(content, 12, 'ab12.jpg').body_html // the body minus <figure><img src="/media/ab12.jpg" …>…</figure>
 */
export function withoutMedia(content: ArticleContent, mediaId: number, key: string): ArticleContent {
  const img = `<img\\b[^>]*\\bsrc="(?:[^"]*)?/media/${escapeRegExp(key)}"[^>]*>`
  const figure = new RegExp(`<figure\\b[^>]*>(?:(?!</figure>)[\\s\\S])*?${img}[\\s\\S]*?</figure>`, 'gi')
  const bare = new RegExp(img, 'gi')
  return {
    ...content,
    cover: content.cover?.media_id === mediaId ? null : content.cover,
    body_html: content.body_html.replace(figure, '').replace(bare, ''),
  }
}
