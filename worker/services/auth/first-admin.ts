import { sql, type SqlBool } from 'kysely'
import { EMAIL_PATTERN } from '../../../schema/api/auth'
import { runBatch } from '../../db/batch'
import type { Db, D1Handle } from '../../db/client'
import { auditInsert } from '../audit'
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password'
import { normalizeEmail } from '../users'

/** The optional secrets that name the first admin (wrangler secrets in production, .dev.vars locally). */
export interface FirstAdminSecrets {
  ADMIN_EMAIL?: string
  ADMIN_PASSWORD?: string
}

/**
 * Once users exist they always will: later logins in this isolate skip the check.
 * Keyed by the secrets object (the worker's env, one per isolate), not by the
 * per-request database client, which is new on every request.
 */
const settled = new WeakSet<FirstAdminSecrets>()

/**
 * Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the users table is
 * empty. The insert itself re-checks emptiness, so two first logins at once create
 * one admin. Returns whether this call created it.
 */
export async function ensureFirstAdmin(db: Db, d1: D1Handle, secrets: FirstAdminSecrets, now = new Date()): Promise<boolean> {
  const email = secrets.ADMIN_EMAIL?.trim()
  const password = secrets.ADMIN_PASSWORD
  if (!email || !password || settled.has(secrets)) return false
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
    settled.add(secrets)
    return false
  }
  if (!EMAIL_PATTERN.test(email) || password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    console.warn(JSON.stringify({ level: 'warn', msg: `ADMIN_EMAIL must be an email and ADMIN_PASSWORD ${PASSWORD_MIN_LENGTH}..${PASSWORD_MAX_LENGTH} characters; no first admin created` }))
    return false
  }
  const hash = await hashPassword(password)
  const nowIso = now.toISOString()
  const insert = db
    .insertInto('users')
    .columns(['email', 'name', 'role', 'password_hash', 'created_at', 'updated_at'])
    .expression(
      db
        .selectNoFrom([
          sql<string>`${normalizeEmail(email)}`.as('email'),
          sql<string>`${'Admin'}`.as('name'),
          sql<string>`${'admin'}`.as('role'),
          sql<string>`${hash}`.as('password_hash'),
          sql<string>`${nowIso}`.as('created_at'),
          sql<string>`${nowIso}`.as('updated_at'),
        ])
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('users').select('id')))),
    )
  const created = db.selectFrom('users').select('id').where('password_hash', '=', hash)
  const audit = auditInsert(
    db,
    { actorId: null, action: 'user.created', resourceType: 'user', resourceId: created, details: { role: 'admin', source: 'ADMIN_EMAIL' } },
    { onlyIf: sql<SqlBool>`EXISTS ${created}` },
  )
  const [result] = await runBatch(d1, [insert, audit])
  settled.add(secrets)
  return (result?.meta.changes ?? 0) > 0
}
