import { Hono, type Context } from 'hono'
import { describeRoute } from 'hono-openapi'
import type { GenericSchema } from 'valibot'
import { IfMatchHeader } from '../../../schema/api/admin-common'
import { IdParam } from '../../../schema/api/common'
import { NoQuery } from '../../../schema/api/taxonomy'
import type { Db, D1Handle } from '../../db/client'
import { actorOf, requireRole, type AdminEnv } from '../../middleware/auth'
import { validate } from '../../middleware/validate'
import { versionTag } from '../../lib/precondition'
import { siteSettings, type SiteSettings } from '../../lib/settings'
import type { Actor } from '../../services/editorial/actor'
import { adminResponses } from './accounts/openapi'

type Page<R> = { items: R[]; nextCursor: string | null } | R[]

/** What one taxonomy (categories, tags, authors) plugs into the shared CRUD routes. */
export interface TaxonomyRoutesConfig<R extends { version: number }, C, P> {
  /** OpenAPI tag and the singular name used in descriptions. */
  tag: string
  label: string
  schemas: { list: GenericSchema; listQuery: GenericSchema; create: GenericSchema; patch: GenericSchema; one: GenericSchema }
  list: (db: Db, query: never) => Promise<Page<R>>
  get: (db: Db, id: number) => Promise<R>
  create: (db: Db, d1: D1Handle, body: C, actor: Actor) => Promise<number>
  update: (db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, body: P, actor: Actor) => Promise<void>
  remove: (db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor) => Promise<void>
  serialize: (row: R, settings: SiteSettings) => unknown
  deleteNote: string
}

/**
 * CRUD routes of a taxonomy: any staff member reads, editors and admins write.
 * Writes to an existing row need If-Match; answers carry the version as ETag.
 */
export function taxonomyRoutes<R extends { version: number }, C, P>(cfg: TaxonomyRoutesConfig<R, C, P>) {
  const tags = [cfg.tag]
  const desk = requireRole('admin', 'editor')
  const one = async (c: Context<AdminEnv>, id: number, status: 200 | 201 = 200) => {
    const row = await cfg.get(c.var.db, id)
    c.header('ETag', versionTag(row.version))
    return c.json({ data: cfg.serialize(row, siteSettings(c.env)) }, status)
  }
  const writeErrors = { 403: 'Editors and admins only', 404: `No such ${cfg.label}`, 409: 'Slug taken or still in use', 412: 'Stale If-Match version', 428: 'If-Match missing' }
  return new Hono<AdminEnv>()
    .get(
      '/',
      describeRoute({ tags, summary: `List ${cfg.tag.replace('Admin: ', '')}`, responses: adminResponses(cfg.schemas.list) }),
      validate('query', cfg.schemas.listQuery),
      async (c) => {
        const page = await cfg.list(c.var.db, c.req.valid('query') as never)
        const settings = siteSettings(c.env)
        if (Array.isArray(page)) return c.json({ data: page.map((r) => cfg.serialize(r, settings)) }, 200)
        return c.json({ data: page.items.map((r) => cfg.serialize(r, settings)), next_cursor: page.nextCursor }, 200)
      },
    )
    .post(
      '/',
      describeRoute({ tags, summary: `Create a ${cfg.label}`, responses: adminResponses(cfg.schemas.one, writeErrors, 201) }),
      desk,
      validate('json', cfg.schemas.create),
      async (c) => {
        const id = await cfg.create(c.var.db, c.var.d1, c.req.valid('json') as C, actorOf(c))
        c.header('Location', `${c.req.path.replace(/\/$/, '')}/${id}`)
        return one(c, id, 201)
      },
    )
    .get(
      '/:id',
      describeRoute({ tags, summary: `One ${cfg.label}`, responses: adminResponses(cfg.schemas.one, { 404: `No such ${cfg.label}` }) }),
      validate('param', IdParam),
      validate('query', NoQuery),
      (c) => one(c, c.req.valid('param').id),
    )
    .patch(
      '/:id',
      describeRoute({ tags, summary: `Edit a ${cfg.label}`, description: 'Needs `If-Match: <version>`.', responses: adminResponses(cfg.schemas.one, writeErrors) }),
      desk,
      validate('param', IdParam),
      validate('header', IfMatchHeader),
      validate('json', cfg.schemas.patch),
      async (c) => {
        const { id } = c.req.valid('param')
        await cfg.update(c.var.db, c.var.d1, id, c.req.valid('header')['if-match'], c.req.valid('json') as P, actorOf(c))
        return one(c, id)
      },
    )
    .delete(
      '/:id',
      describeRoute({ tags, summary: `Delete a ${cfg.label}`, description: `Needs \`If-Match\`. ${cfg.deleteNote}`, responses: adminResponses(null, writeErrors, 204) }),
      desk,
      validate('param', IdParam),
      validate('header', IfMatchHeader),
      async (c) => {
        await cfg.remove(c.var.db, c.var.d1, c.req.valid('param').id, c.req.valid('header')['if-match'], actorOf(c))
        return c.body(null, 204)
      },
    )
}
