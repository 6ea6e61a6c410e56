import { Kysely } from 'kysely'
import { D1Dialect } from 'kysely-d1'
import type { Database } from '../../schema/database'

export type Db = Kysely<Database>

const clients = new WeakMap<D1Database, Db>()

/**
 * The Kysely client for a D1 binding, one per binding per isolate. kysely-d1 has no
 * transactions: multi-row writes compile queries with Kysely and run them together
 * through `D1Database.batch()` (see `runBatch`).
 */
export function getDb(d1: D1Database): Db {
  let db = clients.get(d1)
  if (!db) {
    db = new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) })
    clients.set(d1, db)
  }
  return db
}
