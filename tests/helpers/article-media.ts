/**
 * Library photos in article tests: uploaded through the real upload API
 * (media-library.ts), and the usage rows (article_media) an article save writes.
 *
 * @example
 * const photo = await newPhoto(editor, { width: 1600, height: 1067, fields: { alt: 'Phố ngập' } })
 * await editor.post('/articles', { title: 'Lũ', body_html: figureHtml(photo.key, 'Chú thích') })
 */
import { env } from 'cloudflare:test'
import { expect } from 'vitest'
import { uploadNewImage, type MediaFields, type Signer } from './media-library'

export interface Photo {
  id: number
  key: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
}

/** Uploads a never-seen PNG and returns its library item. */
export async function newPhoto(auth: Signer, opts: { width?: number; height?: number; fields?: MediaFields } = {}): Promise<Photo> {
  const up = await uploadNewImage(auth, 'png', { width: opts.width ?? 64, height: opts.height ?? 48, ...(opts.fields ? { fields: opts.fields } : {}) })
  expect(up.status, JSON.stringify(up.body)).toBe(201)
  return up.body.data as Photo
}

/** A figure as an editor would paste it (the sanitizer canonicalizes it). */
export const figureHtml = (key: string, caption?: string, alt = '') =>
  `<figure><img src="/media/${key}" alt="${alt}">${caption === undefined ? '' : `<figcaption>${caption}</figcaption>`}</figure>`

/** The article's usage rows as `role:media_id`, sorted. */
export async function usageOf(articleId: number): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT role, media_id FROM article_media WHERE article_id = ? ORDER BY role, media_id')
    .bind(articleId)
    .all<{ role: string; media_id: number }>()
  return results.map((r) => `${r.role}:${r.media_id}`)
}

/** Whether the library row can be deleted right now (the usage foreign key refuses while an article uses it). */
export async function mediaRowDeletable(mediaId: number): Promise<boolean> {
  try {
    await env.DB.batch([env.DB.prepare('DELETE FROM media WHERE id = ?').bind(mediaId), env.DB.prepare("SELECT json('rollback-probe')")])
  } catch (err) {
    return !/FOREIGN KEY/i.test(String(err))
  }
  throw new Error('unreachable: the probe batch always fails')
}
