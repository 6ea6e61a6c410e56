import type { Db } from '../../db/client'
import { ApiError } from '../../lib/errors'
import { describeLibraryImages, dropLibraryFigures, libraryKeys } from '../../lib/html/library-images'
import { boundedBody, type ArticleContent } from './content'
import { checkReferences, lookUpReferences, type LibraryItem } from './references'

/** Distinct library images one article may show: keeps the key list a small JSON parameter (~20 KB). */
export const MAX_LIBRARY_IMAGES = 500

/** Content ready to save, and the media ids its inline figures use when the body changed (else unchanged). */
export interface ResolvedContent {
  content: ArticleContent
  inlineMedia?: number[]
}

function keysOfChangedBody(next: ArticleContent, before: ArticleContent | null): string[] | null {
  if (before && next.body_html === before.body_html) return null
  const keys = libraryKeys(next.body_html)
  if (keys.length > MAX_LIBRARY_IMAGES) {
    throw new ApiError(400, 'validation_failed', 'Invalid body', [
      { path: 'json.body_html', message: `shows ${keys.length} different library images; at most ${MAX_LIBRARY_IMAGES}` },
    ])
  }
  return keys
}

const described = (content: ArticleContent, images: Map<string, LibraryItem>, body = content.body_html): ResolvedContent => ({
  content: { ...content, body_html: boundedBody(describeLibraryImages(body, images)) },
  inlineMedia: [...images.values()].map((i) => i.id),
})

/**
 * Checks what a created or edited article points to (references.ts: one statement,
 * the inline images' library look-up folded in) and, when the body changed, gives
 * each library image the library's width, height and default alt. An unknown
 * `/media/` key is a 422 naming it.
 */
export async function resolveContent(db: Db, next: ArticleContent, before: ArticleContent | null): Promise<ResolvedContent> {
  const keys = keysOfChangedBody(next, before)
  const images = await checkReferences(db, next, before, keys ?? [])
  return keys === null ? { content: next } : described(next, images)
}

/**
 * The same for a revision being restored. A category or author deleted since is a
 * 409 (the revision cannot be put back as it was); a photo deleted since is left
 * out instead: its cover is unset and its figures (captions included) removed, as
 * a forced media delete does to live articles (docs/media.md). A photo is deleted
 * on purpose (rights withdrawn, a takedown), so restoring old text must neither
 * bring it back nor be blocked by it. Returns the keys and cover id it left out.
 */
export async function resolveRestoredContent(db: Db, next: ArticleContent, before: ArticleContent, version: number) {
  const keys = keysOfChangedBody(next, before)
  const found = await lookUpReferences(db, next, before, keys ?? [])
  if (found.problems.length) throw new ApiError(409, 'conflict', `Revision ${version} refers to something that no longer exists`, found.problems)
  const content = found.missingCover === null ? next : { ...next, cover: null }
  const resolved = keys === null ? { content } : described(content, found.images, dropLibraryFigures(content.body_html, new Set(found.missingKeys)))
  return { ...resolved, dropped: { cover: found.missingCover, keys: found.missingKeys } }
}
