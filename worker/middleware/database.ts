import type { MiddlewareHandler } from 'hono'
import { createDb, type D1Handle, type Db } from '../db/client'

/** Hono env of every route: the bindings and this request's database handles. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    /** Kysely over `d1`, for building and running queries. */
    db: Db
    /** What this request's statements and batches run on (services take it for `runBatch`). */
    d1: D1Handle
  }
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
    const d1: D1Handle = c.env.DB
    c.set('d1', d1)
    c.set('db', createDb(d1))
    await next()
  }
}
