import { sql } from 'kysely'
import type { MediaUploadFields } from '../../../schema/api/admin-media'
import { MEDIA_TEXT_LIMITS } from '../../../schema/api/admin-media'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { ApiError } from '../../lib/errors'
import { sha256Hex } from '../../lib/hex'
import { inspectImage } from '../../lib/media/inspect'
import { nowIso } from '../../lib/time'
import { auditInsert } from '../audit'
import type { Actor } from '../editorial/actor'

export interface Upload {
  bytes: Uint8Array
  /** The name the client gave the file (any path before it is dropped). */
  filename: string
  fields: MediaUploadFields
}

/** The client's file name without any path, NFC, trimmed, at most 200 characters; `upload.{ext}` when nothing is left. */
export function cleanFilename(name: string, ext: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return [...base].slice(0, MEDIA_TEXT_LIMITS.filename).join('') || `upload.${ext}`
}

const idOfKey = async (db: Db, key: string) => (await db.selectFrom('media').select('id').where('key', '=', key).executeTakeFirst())?.id

/**
 * Stores an uploaded image: its type and size from the bytes (415/422 otherwise),
 * the content-addressed key (first 32 hex of its SHA-256 and the extension), the R2
 * object, then the row and its audit line in one batch. Bytes already in the
 * library are not stored twice: the existing item's id comes back as a duplicate
 * (also when another upload of the same bytes wins a race). Should the row not
 * land, the object just put is deleted unless a row already uses its key.
 */
export async function storeUpload(db: Db, d1: D1Handle, bucket: R2Bucket, upload: Upload, actor: Actor): Promise<{ id: number; duplicate: boolean }> {
  const image = inspectImage(upload.bytes)
  if (!image.ok) {
    const code = image.status === 415 ? 'unsupported_media_type' : 'validation_failed'
    const message = image.status === 415 ? 'The file is not a JPEG, PNG, WebP, AVIF or GIF image' : 'The image cannot be read'
    throw new ApiError(image.status, code, `${message}: ${image.reason}`, [{ path: 'form.file', message: image.reason }])
  }
  const digest = await sha256Hex(upload.bytes)
  const key = `${digest.slice(0, 32)}.${image.ext}`
  const existing = await idOfKey(db, key)
  if (existing !== undefined) return { id: existing, duplicate: true }

  await bucket.put(key, upload.bytes, { httpMetadata: { contentType: image.contentType, contentDisposition: 'inline' }, sha256: digest })
  const now = nowIso()
  const filename = cleanFilename(upload.filename, image.ext)
  try {
    const [inserted] = await runBatch(d1, [
      db.insertInto('media').values({
        key, filename, content_type: image.contentType, size: upload.bytes.length, width: image.width, height: image.height,
        alt: upload.fields.alt ?? '', caption: upload.fields.caption ?? '', credit: upload.fields.credit ?? '',
        uploaded_by: actor.id, created_at: now, updated_at: now,
      }),
      auditInsert(db, { actorId: actor.id, action: 'media.uploaded', resourceType: 'media', resourceId: sql`(SELECT id FROM media WHERE key = ${key})`, details: { key, filename, bytes: upload.bytes.length }, ip: actor.ip }),
    ])
    return { id: inserted!.meta.last_row_id, duplicate: false }
  } catch (err) {
    const raced = await idOfKey(db, key)
    if (raced !== undefined) return { id: raced, duplicate: true }
    await bucket.delete(key)
    throw err
  }
}
