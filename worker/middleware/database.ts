import type { MiddlewareHandler } from 'hono'
import { createDb, type D1Handle, type Db } from '../db/client'
import { D1_BOOKMARK_HEADER, sessionStart } from '../lib/d1-session'
import type { FeedScope } from '../services/feeds/feed-scope'

/** Hono env of every route: the bindings and this request's database handles. */
export type AppEnv = {
  Bindings: Env
  Variables: {
    /** Kysely over `d1`, for building and running queries. */
    db: Db
    /** What this request's statements and batches run on (services take it for `runBatch`). */
    d1: D1Handle
    /** Set once a partner key is verified (middleware/api-key.ts): the read-cache scope (cache-scope.ts)… */
    cacheScope?: string
    /** …and what the key may read, for the API and the feeds alike; unset: anonymous (everything public). */
    feedScope?: FeedScope
  }
}

/**
 * Gives each request its own D1 session (`env.DB.withSession`, read replicas) and a
 * Kysely client over it at `c.var.db`. Public reads go to the nearest replica; admin
 * requests start at the bookmark the client sent (`X-D1-Bookmark`) or on the
 * primary, and answer with the session's latest bookmark, so an editor who sends it
 * back reads their own writes (lib/d1-session.ts). Nothing database-related is
 * shared between requests, so a query that fails, or a request that ends early,
 * cannot leave a lock or a pending promise for another request.
 *
 * @example
 * new Hono<AppEnv>().use('*', database()).get('/x', (c) => c.var.db.selectFrom('tags').selectAll().execute())
 */
export function database(): MiddlewareHandler<AppEnv> {
  return async function database(c, next) {
    const { start, returnsBookmark } = sessionStart(c.req.path, c.req.header(D1_BOOKMARK_HEADER))
    const session = c.env.DB.withSession(start)
    c.set('d1', session)
    c.set('db', createDb(session))
    await next()
    const bookmark = returnsBookmark ? session.getBookmark() : null
    if (bookmark) c.header(D1_BOOKMARK_HEADER, bookmark)
  }
}
