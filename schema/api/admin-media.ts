/**
 * Admin media library requests and responses (docs/media.md). The upload is
 * multipart (`file` plus the optional text fields below); edits are strict JSON.
 */
import * as v from 'valibot'
import { CursorQuery, LimitQuery, dataOf, listOf } from './common'
import { patchOf } from './admin-common'

export const MEDIA_TEXT_LIMITS = { alt: 500, caption: 1000, credit: 200, filename: 200 } as const

/** Trimmed NFC text of at most `max` characters. */
const MediaText = (max: number) =>
  v.pipe(v.string(), v.transform((s) => s.normalize('NFC').trim()), v.maxLength(max, `must be at most ${max} characters`))

const textFields = { alt: MediaText(MEDIA_TEXT_LIMITS.alt), caption: MediaText(MEDIA_TEXT_LIMITS.caption), credit: MediaText(MEDIA_TEXT_LIMITS.credit) }

/** The text fields of an upload form (the `file` part is read by the route). */
export const MediaUploadFields = v.object({ alt: v.optional(textFields.alt), caption: v.optional(textFields.caption), credit: v.optional(textFields.credit) })
export type MediaUploadFields = v.InferOutput<typeof MediaUploadFields>

export const MediaPatch = patchOf({
  ...textFields,
  filename: v.pipe(MediaText(MEDIA_TEXT_LIMITS.filename), v.minLength(1, 'must not be empty')),
})
export type MediaPatch = v.InferOutput<typeof MediaPatch>

export const AdminMediaListQuery = v.strictObject({
  q: v.optional(v.pipe(v.string(), v.maxLength(200, 'must be at most 200 characters'))),
  limit: LimitQuery,
  cursor: CursorQuery,
  mine: v.optional(v.picklist(['1', '0', 'true', 'false'], 'must be 1 or 0')),
})
export type AdminMediaListQuery = v.InferOutput<typeof AdminMediaListQuery>

export const MediaDeleteQuery = v.strictObject({ force: v.optional(v.picklist(['true', 'false'], 'must be true or false')) })

export const MediaUse = v.object({ id: v.number(), title: v.string(), status: v.string(), role: v.picklist(['cover', 'inline']) })

export const AdminMedia = v.pipe(
  v.object({
    id: v.number(),
    key: v.string(),
    url: v.string(),
    filename: v.string(),
    content_type: v.string(),
    bytes: v.number(),
    width: v.nullable(v.number()),
    height: v.nullable(v.number()),
    alt: v.string(),
    caption: v.string(),
    credit: v.string(),
    uploaded_by: v.nullable(v.object({ id: v.number(), name: v.string() })),
    version: v.number(),
    created_at: v.string(),
    updated_at: v.string(),
    srcset: v.nullable(v.array(v.object({ width: v.number(), url: v.string() }))),
  }),
  v.metadata({ ref: 'AdminMedia' }),
)
export const AdminMediaDetail = v.pipe(v.object({ ...AdminMedia.entries, used_by: v.array(MediaUse) }), v.metadata({ ref: 'AdminMediaDetail' }))
export const AdminMediaList = listOf(AdminMedia)
export const AdminMediaResponse = dataOf(AdminMediaDetail)
export const AdminMediaUploadResponse = v.object({ data: AdminMedia, duplicate: v.boolean() })
