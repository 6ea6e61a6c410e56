import type { Compilable } from 'kysely'
import type { Db, D1Handle } from '../../db/client'
import { viewCounterFor } from '../views/counter'
import { localViews } from '../views/read'

/** What a public read runs on: this request's Kysely client and D1 handle, the KV of the view counter, and the caller's categories. */
export interface PublicReads {
  db: Db
  d1: D1Handle
  kv: KVNamespace
  /** The only categories the caller may read (a partner key's, services/articles/category-scope.ts); null or absent: all. */
  categories?: readonly number[] | null
}

export interface ReadResult {
  /** Each query's rows, in the order given. */
  rows: Record<string, unknown>[][]
  /** This isolate's view counts that the totals read in the same batch do not hold yet. */
  localViews(ids: readonly number[]): Map<number, number>
}

/**
 * Runs the statements of one public read as ONE D1 batch (one round trip in
 * production, one snapshot), together with the view counter's "which of my shards
 * are rolled up" look-up when this isolate has shards to ask about. Statements
 * must not depend on each other's results: what would be a second query (a slug
 * to resolve, an existence check) is a subquery or another statement of the batch.
 *
 * @example
 * const { rows, localViews } = await readBatch(reads, [articleQuery, slugCheck])
 */
export async function readBatch(r: PublicReads, queries: Compilable[]): Promise<ReadResult> {
  const local = localViews(r.d1, viewCounterFor(r.kv))
  const statements = queries.map((q) => {
    const { sql, parameters } = q.compile()
    return r.d1.prepare(sql).bind(...parameters)
  })
  if (local.statement) statements.push(local.statement)
  const results = await r.d1.batch<Record<string, unknown>>(statements)
  return {
    rows: results.slice(0, queries.length).map((res) => res.results),
    localViews: (ids) => local.counts(local.statement ? results[queries.length] : undefined, ids),
  }
}
