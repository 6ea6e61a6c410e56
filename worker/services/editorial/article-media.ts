import type { Db } from '../../db/client'
import { ApiError } from '../../lib/errors'
import { describeLibraryImages, dropLibraryFigures, libraryKeys, sizesIn, type LibraryImage } from '../../lib/html/library-images'
import { boundedBody, type ArticleContent } from './content'
import { checkReferences, lookUpReferences } from './references'

/** Distinct library images one article may show: keeps the key list a small JSON parameter (~20 KB). */
export const MAX_LIBRARY_IMAGES = 500

/** Content ready to save, and the library keys of its figures when the body changed (else usage is unchanged). */
export interface ResolvedContent {
  content: ArticleContent
  inlineKeys?: string[]
}

/** The keys of a changed body, and those it adds: only these are looked up (the others exist: the article uses them). */
function changedBodyKeys(next: ArticleContent, before: ArticleContent | null) {
  if (before && next.body_html === before.body_html) return null
  const all = libraryKeys(next.body_html)
  if (all.length > MAX_LIBRARY_IMAGES) {
    throw new ApiError(400, 'validation_failed', 'Invalid body', [
      { path: 'json.body_html', message: `shows ${all.length} different library images; at most ${MAX_LIBRARY_IMAGES}` },
    ])
  }
  const shown = new Set(before ? libraryKeys(before.body_html) : [])
  return { all, added: all.filter((k) => !shown.has(k)) }
}

/** The body with its images described: added ones from the library, those already shown keep their sizes. */
function described(content: ArticleContent, before: ArticleContent | null, found: Map<string, LibraryImage>, keys: string[], body = content.body_html): ResolvedContent {
  const library = new Map([...sizesIn(before?.body_html ?? ''), ...found])
  return { content: { ...content, body_html: boundedBody(describeLibraryImages(body, library)) }, inlineKeys: keys }
}

/**
 * Checks what a created or edited article points to (references.ts: one statement,
 * the look-up of the images the body adds folded in) and gives each added library
 * image the library's width, height and, for an empty alt, its default alt. An
 * unknown `/media/` key is a 422 naming it. A body that adds no library image costs
 * no look-up.
 */
export async function resolveContent(db: Db, next: ArticleContent, before: ArticleContent | null): Promise<ResolvedContent> {
  const keys = changedBodyKeys(next, before)
  const found = await checkReferences(db, next, before, keys?.added ?? [])
  return keys === null ? { content: next } : described(next, before, found, keys.all)
}

/**
 * The same for a revision being restored. A category or author deleted since is a
 * 409 (the revision cannot be put back as it was); a photo deleted since is left
 * out instead: its cover is unset and its figures (captions included) removed, as
 * a forced media delete does to live articles (docs/media.md). A photo is deleted
 * on purpose (rights withdrawn, a takedown), so restoring old text must neither
 * bring it back nor be blocked by it. Returns what it left out.
 */
export async function resolveRestoredContent(db: Db, next: ArticleContent, before: ArticleContent, version: number) {
  const keys = changedBodyKeys(next, before)
  const found = await lookUpReferences(db, next, before, keys?.added ?? [])
  if (found.problems.length) throw new ApiError(409, 'conflict', `Revision ${version} refers to something that no longer exists`, found.problems)
  const content = found.missingCover === null ? next : { ...next, cover: null }
  const gone = new Set(found.missingKeys)
  const resolved = keys === null ? { content } : described(content, before, found.images, keys.all.filter((k) => !gone.has(k)), dropLibraryFigures(content.body_html, gone))
  return { ...resolved, dropped: { cover: found.missingCover, keys: found.missingKeys } }
}
