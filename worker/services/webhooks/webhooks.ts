import { sql } from 'kysely'
import type { WebhookCreate, WebhookPatch } from '../../../schema/api/admin-webhooks'
import type { Webhook } from '../../../schema/tables/webhooks'
import type { D1Handle, Db } from '../../db/client'
import { runBatch } from '../../db/batch'
import { ApiError, notFound } from '../../lib/errors'
import { staleVersion } from '../../lib/precondition'
import { nowIso } from '../../lib/time'
import { checkOutboundUrl, type GuardOptions } from '../../lib/url-guard'
import { auditInsert } from '../audit'
import type { Actor } from '../editorial/actor'
import { deleteVersioned, updateVersioned } from '../editorial/versioned-row'
import { WEBHOOK_LIMITS } from './limits'
import { newWebhookSecret, sealSecret, SECRET_HINT_CHARS } from './secret-box'

/** The URL as stored, or a 400 on `json.url` saying why the guard refuses it. */
export function acceptableUrl(raw: string, guard: GuardOptions): string {
  const verdict = checkOutboundUrl(raw, guard)
  if (!verdict.ok) throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: 'json.url', message: verdict.reason }])
  return verdict.url.href
}

export const listWebhooks = (db: Db) => db.selectFrom('webhooks').selectAll().orderBy('id').execute()

export async function getWebhook(db: Db, id: number): Promise<Webhook> {
  const row = await db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('Webhook')
  return row
}

/** A new secret and its stored columns. */
async function secretColumns(keyMaterial: string | undefined) {
  const secret = newWebhookSecret()
  return { secret, columns: { secret: await sealSecret(secret, keyMaterial), secret_hint: secret.slice(0, SECRET_HINT_CHARS) } }
}

/** Registers a webhook (at most WEBHOOK_LIMITS.maxWebhooks); returns its id and the secret, shown once. */
export async function createWebhook(db: Db, d1: D1Handle, body: WebhookCreate, actor: Actor, guard: GuardOptions, keyMaterial: string | undefined) {
  const url = acceptableUrl(body.url, guard)
  const { count } = await db.selectFrom('webhooks').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
  if (count >= WEBHOOK_LIMITS.maxWebhooks) throw new ApiError(409, 'conflict', `A site may have at most ${WEBHOOK_LIMITS.maxWebhooks} webhooks; delete one first`)
  const { secret, columns } = await secretColumns(keyMaterial)
  const now = nowIso()
  const [inserted] = await runBatch(d1, [
    db.insertInto('webhooks').values({ url, events: JSON.stringify(body.events), description: body.description, active: body.active ? 1 : 0, ...columns, created_by: actor.id, created_at: now, updated_at: now }),
    auditInsert(db, { actorId: actor.id, action: 'webhook.created', resourceType: 'webhook', resourceId: sql`last_insert_rowid()`, details: { url, events: body.events }, ip: actor.ip }),
  ])
  return { id: inserted!.meta.last_row_id, secret }
}

/** Applies a patch at `expectedVersion` (a new URL is checked by the guard). */
export async function updateWebhook(db: Db, d1: D1Handle, id: number, expectedVersion: number, patch: WebhookPatch, actor: Actor, guard: GuardOptions) {
  const set = {
    ...(patch.url !== undefined ? { url: acceptableUrl(patch.url, guard) } : {}),
    ...(patch.events !== undefined ? { events: JSON.stringify(patch.events) } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? (1 as const) : (0 as const) } : {}),
  }
  await updateVersioned(db, d1, 'webhooks', id, expectedVersion, set, { actor, action: 'webhook.updated', details: { fields: Object.keys(patch) } })
}

/** A new signing secret (the old one stops working at once); returns it, shown once. */
export async function rotateWebhookSecret(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, actor: Actor, keyMaterial: string | undefined) {
  const current = await getWebhook(db, id)
  if (ifMatch !== undefined && ifMatch !== current.version) throw staleVersion('webhook', current.version)
  const { secret, columns } = await secretColumns(keyMaterial)
  await updateVersioned(db, d1, 'webhooks', id, current.version, columns, { actor, action: 'webhook.secret_rotated' })
  return secret
}

/** Deletes a webhook and its delivery records (ON DELETE CASCADE). */
export const deleteWebhook = (db: Db, d1: D1Handle, id: number, expectedVersion: number, actor: Actor) =>
  deleteVersioned(db, d1, 'webhooks', id, expectedVersion, { actor, action: 'webhook.deleted' })
