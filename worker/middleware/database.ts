import type { MiddlewareHandler } from 'hono'
import { createDb, type Db } from '../db/client'

/** Hono env of every route: the bindings and this request's database client. */
export type AppEnv = {
  Bindings: Env
  Variables: { db: Db }
}

/**
 * Gives each request its own Kysely client over `env.DB` at `c.var.db`. Nothing
 * database-related is shared between requests, so a query that fails, or a request
 * that ends early, cannot leave a lock or a pending promise for another request.
 *
 * @example
 * new Hono<AppEnv>().use('*', database()).get('/x', (c) => c.var.db.selectFrom('tags').selectAll().execute())
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async function database(c, next) {
    c.set('db', createDb(c.env.DB))
    await next()
  }
}
