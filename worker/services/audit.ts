import { sql, type Expression, type SqlBool } from 'kysely'
import type { Db } from '../db/client'

/**
 * One line of the audit log: who (`actorId`, null for an anonymous failed login) did
 * what (`action`, e.g. `user.suspended`, `article.published`) to which resource.
 */
export interface AuditEntry {
  actorId: number | null
  action: string
  resourceType: string
  /** The resource's id; an SQL expression (e.g. `sql\`last_insert_rowid()\``) when it is only known inside the batch. */
  resourceId: string | number | null | Expression<unknown>
  details?: Record<string, unknown>
  ip?: string | null
}

export interface AuditInsertOptions {
  /**
   * Write the line only when this holds at execution time, e.g. that the guarded
   * update before it in the same batch took effect (its new version exists).
   */
  onlyIf?: Expression<SqlBool>
}

const isExpression = (value: unknown): value is Expression<unknown> =>
  typeof value === 'object' && value !== null && 'toOperationNode' in value

function resourceIdValue(id: AuditEntry['resourceId']) {
  if (id === null) return null
  if (isExpression(id)) return sql<string>`CAST(${id} AS TEXT)`
  return String(id)
}

/**
 * The insert of one audit line, not executed: put it in the same `runBatch` as the
 * write it records so both land or neither does.
 *
 * @example
 * await runBatch(env.DB, [updateQuery, auditInsert(db, { actorId, action: 'tag.renamed', resourceType: 'tag', resourceId: id })])
 */
export function auditInsert(db: Db, entry: AuditEntry, options: AuditInsertOptions = {}) {
  const row = {
    actor_id: entry.actorId,
    action: entry.action,
    resource_type: entry.resourceType,
    resource_id: resourceIdValue(entry.resourceId),
    details: JSON.stringify(entry.details ?? {}),
    ip: entry.ip ?? null,
    created_at: new Date().toISOString(),
  }
  if (!options.onlyIf) return db.insertInto('audit_log').values(row)
  const guard = options.onlyIf
  return db
    .insertInto('audit_log')
    .columns(['actor_id', 'action', 'resource_type', 'resource_id', 'details', 'ip', 'created_at'])
    .expression(
      db
        .selectNoFrom([
          sql<number | null>`${row.actor_id}`.as('actor_id'),
          sql<string>`${row.action}`.as('action'),
          sql<string>`${row.resource_type}`.as('resource_type'),
          sql<string | null>`${row.resource_id}`.as('resource_id'),
          sql<string>`${row.details}`.as('details'),
          sql<string | null>`${row.ip}`.as('ip'),
          sql<string>`${row.created_at}`.as('created_at'),
        ])
        .where(guard),
    )
}

/** Writes one audit line now (for events that have no other write to join). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry).execute()
}
