import { Hono, type Context } from 'hono'
import { describeRoute } from 'hono-openapi'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { AdminMediaList, AdminMediaListQuery, AdminMediaResponse, MediaDeleteQuery, MediaPatch } from '../../../schema/api/admin-media'
import { IdParam } from '../../../schema/api/common'
import { NoQuery } from '../../../schema/api/taxonomy'
import { versionTag } from '../../lib/precondition'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { serializeAdminMedia, serializeAdminMediaDetail } from '../../serializers/media-admin'
import { editMedia } from '../../services/media/edit'
import { listMedia } from '../../services/media/list'
import { loadMediaItem } from '../../services/media/media-item'
import { readableIds } from '../../services/editorial/admin-read'
import { deleteMedia } from '../../services/media/remove'
import { adminResponses } from './accounts/openapi'

const tags = ['Admin: media']
const writeErrors = { 403: 'Not yours (authors, contributors), or force without the admin role', 404: 'No such media item', 412: 'Stale If-Match version', 428: 'If-Match missing' }

/** One item with `used_by` (only the articles the reader may read: read-rules.ts), its version as the ETag. */
async function itemResponse(c: Context<AdminEnv>, id: number) {
  const item = await loadMediaItem(c.var.db, id)
  const readable = await readableIds(c.var.db, actorOf(c), [...new Set(item.usedBy.map((u) => u.id))])
  c.header('ETag', versionTag(item.row.version))
  return c.json({ data: serializeAdminMediaDetail(item.row, item.usedBy.filter((u) => readable.has(u.id)), siteSettings(c.env)) }, 200)
}

/** The media library after upload: list and search, read with usage, edit the text, delete (docs/media.md). */
export const adminMediaRoutes = new Hono<AdminEnv>()
  .get(
    '/',
    describeRoute({ tags, summary: 'List the media library', description: 'Newest first, keyset pagination with `cursor`. `q` searches filename, alt, caption and credit without accents; `mine=1` lists only your uploads.', responses: adminResponses(AdminMediaList) }),
    validate('query', AdminMediaListQuery),
    async (c) => {
      const q = c.req.valid('query')
      const mine = q.mine === '1' || q.mine === 'true'
      const page = await listMedia(c.var.db, { ...q, ...(mine ? { uploadedBy: c.get('user').id } : {}) })
      const settings = siteSettings(c.env)
      return c.json({ data: page.items.map((r) => serializeAdminMedia(r, settings)), next_cursor: page.nextCursor }, 200)
    },
  )
  .get(
    '/:id',
    describeRoute({ tags, summary: 'One media item', description: 'With `used_by`: the articles (any status, trash included) that use it as cover or inline image. The ETag is the version for If-Match.', responses: adminResponses(AdminMediaResponse, { 404: 'No such media item' }) }),
    validate('param', IdParam),
    validate('query', NoQuery),
    (c) => itemResponse(c, c.req.valid('param').id),
  )
  .patch(
    '/:id',
    describeRoute({ tags, summary: 'Edit a media item’s text', description: 'Needs `If-Match: <version>`. Admins and editors edit any item; authors and contributors their own uploads.', responses: adminResponses(AdminMediaResponse, writeErrors) }),
    validate('param', IdParam),
    validate('header', IfMatchHeader),
    validate('json', MediaPatch),
    async (c) => {
      const { id } = c.req.valid('param')
      await editMedia(c.var.db, c.var.d1, id, c.req.valid('header')['if-match'], c.req.valid('json'), actorOf(c))
      return itemResponse(c, id)
    },
  )
  .delete(
    '/:id',
    describeRoute({
      tags,
      summary: 'Delete a media item',
      description: 'Needs `If-Match`. 409 `media_in_use` (with `used_by`) while articles use it; `?force=true` (admins) first removes it from them, each a new version and revision, in one batch.',
      responses: adminResponses(null, { ...writeErrors, 409: 'Used by articles (media_in_use), or changed meanwhile' }, 204),
    }),
    validate('param', IdParam),
    validate('query', MediaDeleteQuery),
    validate('header', IfMatchHeader),
    async (c) => {
      const force = c.req.valid('query').force === 'true'
      await deleteMedia(c.var.db, c.var.d1, c.env.MEDIA, c.req.valid('param').id, c.req.valid('header')['if-match'], force, actorOf(c))
      return c.body(null, 204)
    },
  )
