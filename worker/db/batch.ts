import type { Compilable } from 'kysely'
import type { D1Handle } from './client'

/**
 * Runs compiled Kysely queries as one D1 batch: they land whole or not at all, which
 * is what D1 offers instead of interactive transactions.
 *
 * @example
 * await runBatch(env.DB, [db.insertInto('tags').values(tag), db.deleteFrom('x').where(...)])
 */
export async function runBatch(d1: D1Handle, queries: Compilable[]): Promise<D1Result[]> {
  if (queries.length === 0) return []
  const statements = queries.map((q) => {
    const { sql, parameters } = q.compile()
    return d1.prepare(sql).bind(...parameters)
  })
  return d1.batch(statements)
}
