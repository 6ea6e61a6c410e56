import type { D1Handle } from './client'
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'

const NO_TRANSACTIONS =
  'D1 has no interactive transactions: compile the statements and run them together with runBatch() (worker/db/batch.ts)'

/**
 * SQLite's adapter, but with concurrent queries allowed. Kysely's SqliteAdapter says
 * `supportsMultipleConnections = false`, which makes Kysely queue every query of a
 * client behind one mutex: right for a single SQLite file handle, wrong for D1, where
 * each query is an independent call on a stateless binding (an HTTP round trip in
 * production) and there is no connection to guard. With the mutex, queries of one
 * request ran one after another, and a lock held by a request that failed or ended
 * was left for the next one to wait on forever.
 */
class D1Adapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true
  }
}

/** One query = one D1 call (`prepare().bind().all()`). Nothing is held between calls. */
class D1Connection implements DatabaseConnection {
  constructor(private readonly d1: D1Handle) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.d1
      .prepare(query.sql)
      .bind(...query.parameters)
      .all<R>()
    const changes = result.meta.changes ?? 0
    const lastRowId = result.meta.last_row_id
    return {
      rows: result.results ?? [],
      numAffectedRows: changes > 0 ? BigInt(changes) : undefined,
      insertId: lastRowId === undefined || lastRowId === null ? undefined : BigInt(lastRowId),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('D1 does not stream results; page with keyset cursors instead')
  }
}

class D1Driver implements Driver {
  constructor(private readonly d1: D1Handle) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new D1Connection(this.d1)
  }
  async beginTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS)
  }
  async commitTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS)
  }
  async rollbackTransaction(): Promise<void> {
    throw new Error(NO_TRANSACTIONS)
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * Kysely's dialect for a Cloudflare D1 binding. It replaces kysely-d1 0.4, which is
 * unmaintained, warns on Kysely 0.29 and inherits the SQLite connection mutex. This
 * one is stateless: every query is its own D1 call, queries may run concurrently
 * (`Promise.all`), and transactions are refused with a pointer to `runBatch()`.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new D1Dialect(env.DB) })
 */
export class D1Dialect implements Dialect {
  constructor(private readonly d1: D1Handle) {}
  createAdapter(): DialectAdapter {
    return new D1Adapter()
  }
  createDriver(): Driver {
    return new D1Driver(this.d1)
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
