import { Hono } from 'hono'
import { describeRoute } from 'hono-openapi'
import * as v from 'valibot'
import type { AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { exportNdjson } from '../../services/archive/export'

const ExportQuery = v.object({ after: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'must be an article id'), v.transform(Number))) })

/** `GET /api/admin/exports`: the archive out, NDJSON in the import's format (docs/archive.md). Admins only. */
export const adminExportRoutes = new Hono<AdminEnv>().get(
  '/',
  describeRoute({
    tags: ['Admin: archive'],
    summary: 'Export everything (NDJSON)',
    description: 'Streams categories, tags, authors, media records and every article (any status, trash included, with old URLs and view totals) as lines `POST /api/admin/imports` takes. A last line `{"type":"next","after":N}` means: ask again with `?after=N`.',
    responses: { 200: { description: 'application/x-ndjson' }, 403: { description: 'Admins only' } },
  }),
  validate('query', ExportQuery),
  function exportArchive(c) {
    const stream = exportNdjson(c.var.d1, c.req.valid('query').after ?? null)
    return c.body(stream, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Disposition': 'attachment; filename="archive.ndjson"' })
  },
)
