import type { PublicCover } from '../../schema/api/article'
import { mediaUrl, srcsetFor } from '../lib/media/urls'
import type { SiteSettings } from '../lib/settings'
import type { ArticleBundle } from '../services/articles/bundle'

/**
 * An article's cover as readers get it: the library file's absolute URL and size,
 * and the article's own alt, caption and credit where it set them. A null
 * article value falls back to the item's default; an empty string is the editor
 * saying "none here" and is kept (docs/media.md). `srcset` when Image Resizing is
 * on, else null.
 */
export function publicCover(b: Pick<ArticleBundle, 'article' | 'cover'>, settings: SiteSettings): PublicCover | null {
  const { article: a, cover: m } = b
  if (!m) return null
  return {
    url: mediaUrl(settings, m.key),
    width: m.width,
    height: m.height,
    alt: a.cover_alt ?? m.alt,
    caption: a.cover_caption ?? m.caption,
    credit: a.cover_credit ?? m.credit,
    srcset: srcsetFor(settings, m.key, m.width),
  }
}

/**
 * The cover's library item for the editor: file URL, size and the item's own
 * defaults (what the article's null alt, caption and credit fall back to), beside
 * the article's `cover` (the write shape, sent back unchanged on save).
 */
export function adminCoverMedia(b: Pick<ArticleBundle, 'article' | 'cover'>, settings: SiteSettings) {
  const { article: a, cover: m } = b
  if (!m || a.cover_media_id === null) return null
  const { key, width, height, alt, caption, credit } = m
  return { id: a.cover_media_id, key, url: mediaUrl(settings, key), width, height, alt, caption, credit, srcset: srcsetFor(settings, key, width) }
}
