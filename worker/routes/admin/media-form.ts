import type { Context } from 'hono'
import * as v from 'valibot'
import { MediaUploadFields } from '../../../schema/api/admin-media'
import { ApiError } from '../../lib/errors'
import { uploadTooBig } from '../../middleware/media-body-limit'
import type { Upload } from '../../services/media/upload'

const FIELDS = new Set(['file', 'alt', 'caption', 'credit'])

/** A form that does not fit its shape: 400, the rule for every request that fails its schema (README, "400 or 422"). */
const invalid = (path: string, message: string) => new ApiError(400, 'validation_failed', 'Invalid upload form', [{ path: `form.${path}`, message }])

/**
 * The upload form of `POST /api/admin/media` (after its body limit): exactly one
 * `file` part of at most `maxBytes`, the optional text fields, nothing else.
 * Anything else is a 4xx in the JSON envelope: 415 not multipart, 400 malformed
 * multipart, a missing file or a bad field (the API's one rule: a request that
 * does not fit its schema is a 400), 413 too big.
 */
export async function readUploadForm(c: Context, maxBytes: number): Promise<Upload> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'multipart/form-data') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the file as multipart/form-data with a part named "file"', [
      { path: 'header.content-type', message: 'must be multipart/form-data' },
    ])
  }
  let form: FormData
  try {
    form = await c.req.raw.formData()
  } catch {
    throw new ApiError(400, 'bad_request', 'The multipart body is malformed', [{ path: 'body', message: 'is not valid multipart/form-data' }])
  }
  const unknown = [...new Set(form.keys())].find((k) => !FIELDS.has(k))
  if (unknown !== undefined) throw invalid(unknown.slice(0, 50), 'is not a known field (file, alt, caption, credit)')
  const files = form.getAll('file')
  const file = files[0]
  if (file === undefined) throw invalid('file', 'is required: the image, as a file part named "file"')
  if (files.length > 1) throw invalid('file', 'must be sent once: one image per upload')
  if (typeof file === 'string') throw invalid('file', 'must be a file part (with a filename), not a text field')
  if (file.size > maxBytes) throw uploadTooBig(maxBytes)
  const text: Record<string, string> = {}
  for (const name of ['alt', 'caption', 'credit']) {
    const values = form.getAll(name)
    if (values.length > 1) throw invalid(name, 'must be sent once')
    if (values[0] === undefined) continue
    if (typeof values[0] !== 'string') throw invalid(name, 'must be a text field, not a file')
    text[name] = values[0]
  }
  const fields = v.safeParse(MediaUploadFields, text)
  if (!fields.success) throw invalid(String(fields.issues[0].path?.[0]?.key ?? 'form'), fields.issues[0].message)
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, fields: fields.output }
}
