import { sql } from 'kysely'

/**
 * The one definition of "a reader may see this article". It is written as literal
 * SQL, not bound parameters, so SQLite can match it to the partial indexes of
 * schema/migrations/0001_core.sql.
 */
export const publiclyVisible = (alias = 'a') =>
  sql<boolean>`${sql.ref(`${alias}.status`)} = 'published' AND ${sql.ref(`${alias}.deleted_at`)} IS NULL`
