import { Kysely } from 'kysely'
import type { Database } from '../../schema/database'
import { D1Dialect } from './d1-dialect'

export type Db = Kysely<Database>

/**
 * A Kysely client over a D1 binding, for one request or one cron run. Never keep one
 * in module scope: a client made in one request and used in another would tie the
 * second request's queries to the first one's I/O context (workerd refuses that, and
 * a failure in one then spreads to every later request). Making one is cheap (a few
 * objects, no I/O); routes read theirs from `c.var.db` (middleware/database.ts).
 * Multi-row writes compile queries with it and run them through `runBatch()`.
 *
 * @example
 * const db = createDb(env.DB)
 */
export function createDb(d1: D1Handle): Db {
  return new Kysely<Database>({ dialect: new D1Dialect(d1) })
}

/**
 * What queries run on: the D1 binding itself, or a Sessions API session of it
 * (`env.DB.withSession(…)`, for read replicas). Both have `prepare()` and `batch()`.
 */
export type D1Handle = D1Database | D1DatabaseSession
