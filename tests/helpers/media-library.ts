/**
 * The media library through the running worker, for any test that needs library
 * images: uploads go through `POST /api/admin/media` exactly as the admin UI sends
 * them (multipart/form-data), signed in with a session cookie or a bearer token.
 *
 * @example
 * const editor = await loginAs('editor')
 * const { status, body } = await uploadMedia(editor, await imageBytes('png', { width: 800, height: 600 }), 'mua-lu.png', { credit: 'Ảnh: Quang Minh' })
 * const mediaId = body.data.id
 */
import { SELF } from 'cloudflare:test'
import type { ApiResult } from './admin-api'
import { BASE } from './auth'
import { imageBytes, type TestImageType } from './images'

/** Anything that signs requests in: `loginAs()`, `staffClient()` or `tokenFor()`. */
export interface Signer {
  headers: Record<string, string>
}

export type MediaFields = Partial<Record<'alt' | 'caption' | 'credit', string>>

/** The headers of `auth` without its JSON Content-Type (fetch sets the multipart one with its boundary). */
const signing = (auth: Signer) => Object.fromEntries(Object.entries(auth.headers).filter(([k]) => k.toLowerCase() !== 'content-type'))

async function result(res: Response): Promise<ApiResult> {
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null, res }
}

/** A multipart form with `file` and the given fields. */
export function mediaForm(bytes: Uint8Array, filename: string, fields: MediaFields = {}, contentType = 'application/octet-stream'): FormData {
  const form = new FormData()
  form.append('file', new File([bytes], filename, { type: contentType }))
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.append(name, value)
  return form
}

/** `POST /api/admin/media` with `bytes` as the file part; the answer parsed. */
export async function uploadMedia(auth: Signer, bytes: Uint8Array, filename: string, fields: MediaFields = {}, contentType?: string): Promise<ApiResult> {
  const res = await SELF.fetch(`${BASE}/api/admin/media`, { method: 'POST', headers: signing(auth), body: mediaForm(bytes, filename, fields, contentType) })
  return result(res)
}

/** `POST /api/admin/media` with any body and headers (for malformed uploads). */
export async function postMediaRaw(auth: Signer, body: BodyInit | null, headers: Record<string, string> = {}): Promise<ApiResult> {
  return result(await SELF.fetch(`${BASE}/api/admin/media`, { method: 'POST', headers: { ...signing(auth), ...headers }, body }))
}

let uniqueImages = 0
/** Where this file's variants start, so that test files never upload each other's bytes. */
const variantBase = Math.floor(Math.random() * 2 ** 23)

/** Uploads a new, never-seen image of `type` and returns its item (201 asserted by the caller through `status`). */
export async function uploadNewImage(auth: Signer, type: TestImageType = 'png', opts: { width?: number; height?: number; filename?: string; fields?: MediaFields } = {}) {
  uniqueImages += 1
  const variant = variantBase + uniqueImages
  const bytes = await imageBytes(type, { width: opts.width ?? 64, height: opts.height ?? 48, variant })
  return uploadMedia(auth, bytes, opts.filename ?? `anh-${uniqueImages}.${type === 'jpeg' ? 'jpg' : type}`, opts.fields)
}
