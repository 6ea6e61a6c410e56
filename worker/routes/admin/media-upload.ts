import { Hono, type Context } from 'hono'
import { describeRoute, resolver } from 'hono-openapi'
import { AdminMediaUploadResponse, MEDIA_TEXT_LIMITS } from '../../../schema/api/admin-media'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { mediaBodyLimit } from '../../middleware/media-body-limit'
import { serializeAdminMedia } from '../../serializers/media-admin'
import { loadMediaItem } from '../../services/media/media-item'
import { storeUpload } from '../../services/media/upload'
import { adminResponses } from './accounts/openapi'
import { readUploadForm } from './media-form'

/** The one admin request whose body may be over the 2 MiB admin limit. */
export const isMediaUpload = (c: Context) => c.req.method === 'POST' && /^\/api\/admin\/media\/?$/.test(c.req.path)

const text = (max: number) => ({ type: 'string' as const, maxLength: max })

/** `POST /api/admin/media`: any staff member uploads an image (docs/media.md). */
export const adminMediaUpload = new Hono<AdminEnv>().post(
  '/',
  describeRoute({
    tags: ['Admin: media'],
    summary: 'Upload an image',
    description:
      'multipart/form-data with `file` (JPEG, PNG, WebP, AVIF or GIF, known by its bytes; at most MEDIA_MAX_BYTES) and optional `alt`, `caption`, `credit`. ' +
      '201 with the new item; 200 with `duplicate: true` and the existing item when the same bytes are already stored.',
    requestBody: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary' }, alt: text(MEDIA_TEXT_LIMITS.alt), caption: text(MEDIA_TEXT_LIMITS.caption), credit: text(MEDIA_TEXT_LIMITS.credit) },
          },
        },
      },
    },
    responses: {
      ...adminResponses(AdminMediaUploadResponse, { 413: 'Over MEDIA_MAX_BYTES', 415: 'Not multipart, or not an accepted image type', 400: 'No file, or a bad or unknown field', 422: 'The image bytes cannot be read (damaged, cut short)' }, 201),
      200: { description: 'Already in the library (`duplicate: true`)', content: { 'application/json': { schema: resolver(AdminMediaUploadResponse) } } },
    },
  }),
  mediaBodyLimit(),
  async (c) => {
    const settings = siteSettings(c.env)
    const upload = await readUploadForm(c, settings.mediaMaxBytes)
    const stored = await storeUpload(c.var.db, c.var.d1, c.env.MEDIA, upload, actorOf(c))
    const { row } = await loadMediaItem(c.var.db, stored.id, 0)
    if (!stored.duplicate) c.header('Location', `/api/admin/media/${stored.id}`)
    return c.json({ data: serializeAdminMedia(row, settings), duplicate: stored.duplicate }, stored.duplicate ? 200 : 201)
  },
)
