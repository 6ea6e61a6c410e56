import { sql } from 'kysely'
import type { Compilable } from 'kysely'
import type { Db } from './client'

/**
 * A batch statement that aborts the whole `runBatch` when the statement right
 * before it changed no row. D1 has no interactive transactions, so an optimistic
 * `UPDATE … WHERE id = ? AND version = ?` that lost the race must undo everything
 * queued after it (revision, links, audit); SQLite has no RAISE outside triggers,
 * so the guard makes SQLite fail on purpose: `json('stale')` is malformed JSON.
 * `changes()` counts only the previous statement's own rows, not trigger writes.
 *
 * @example
 * await runBatch(d1, [db.updateTable('tags').set(s).where('id', '=', id).where('version', '=', v), abortUnlessChanged(db), audit])
 */
export function abortUnlessChanged(db: Db): Compilable {
  return rawStatement(db, sql`SELECT json(CASE WHEN changes() = 0 THEN 'stale' END) AS guard`)
}

/** Whether a failed batch was stopped by `abortUnlessChanged`. */
export const isStaleAbort = (err: unknown) => /malformed JSON/i.test(String((err as Error)?.message ?? err))

/** Whether a failed batch broke a UNIQUE constraint on `table.column`. */
export const isUniqueViolation = (err: unknown, column: string) =>
  new RegExp(`UNIQUE constraint failed: [^:]*\\b${column.replace('.', '\\.')}\\b`).test(String((err as Error)?.message ?? err))

/** Whether a failed batch broke a FOREIGN KEY constraint (a referenced row vanished meanwhile). */
export const isForeignKeyViolation = (err: unknown) => /FOREIGN KEY constraint failed/i.test(String((err as Error)?.message ?? err))

/** Raw SQL as a batch statement. */
export const rawStatement = (db: Db, query: ReturnType<typeof sql>): Compilable => ({ compile: () => query.compile(db) })
