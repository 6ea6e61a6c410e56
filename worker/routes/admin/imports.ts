import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import { ApiError } from '../../lib/errors'
import { siteSettings } from '../../lib/settings'
import { actorOf, type AdminEnv } from '../../middleware/auth'
import { importNdjson } from '../../services/archive/import'
import { MAX_IMPORT_LINES, parseLines } from '../../services/archive/import-lines'

/** `POST /api/admin/imports`: the archive in, NDJSON (docs/archive.md). Admins, or a token with the `admin` scope. */
export const adminImportRoutes = new Hono<AdminEnv>().post(
  '/',
  describeRoute({
    tags: ['Admin: archive'],
    summary: 'Import articles (NDJSON)',
    description: `One JSON object a line: articles (idempotent by external_id), categories, tags, authors, media records. At most ${MAX_IMPORT_LINES} lines and 10 MiB a request. Answers each line's outcome (created, updated, skipped, failed with its reason) and a summary; a failed line never blocks the others.`,
    responses: { 200: { description: '{ data: { results: [...], summary: { created, updated, skipped, failed } } }' }, 403: { description: 'Admins only' }, 413: { description: 'Over 10 MiB or over the line limit' } },
  }),
  async function importArchive(c) {
    // Decoded here: workerd warns when .text() reads a body typed application/x-ndjson.
    const text = new TextDecoder().decode(await c.req.arrayBuffer())
    const { count } = parseLines(text)
    if (count > MAX_IMPORT_LINES) {
      throw new ApiError(413, 'payload_too_large', `An import request carries at most ${MAX_IMPORT_LINES} lines; this one has ${count}`, [{ path: 'body', message: `split it into requests of at most ${MAX_IMPORT_LINES} lines` }])
    }
    const data = await importNdjson(c.var.db, c.var.d1, text, actorOf(c), siteSettings(c.env))
    return c.json({ data }, 200)
  },
)
