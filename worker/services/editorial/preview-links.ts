import type { Db } from '../../db/client'
import { ApiError, notFound } from '../../lib/errors'
import { importHmacKey, signToken, verifyToken } from '../../lib/signed-token'
import { fromBase64Url, toBase64Url } from '../../lib/base64url'
import { bundleColumns, toBundle, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'
import { recordAudit } from '../audit'
import type { Actor } from './actor'
import { authorize } from './permissions'
import { readable } from './read-scope'

const KEY_NAME = 'preview_signing_key'
/** Imported keys by secret: plain CryptoKeys, never a promise another request could be left waiting on. */
const keys = new Map<string, CryptoKey>()

/**
 * The installation's preview signing key, kept in app_meta. The first preview
 * link generates it (32 random bytes), so nothing needs configuring; concurrent
 * first uses agree because only one insert wins and both read the winner back.
 */
async function signingKey(db: Db): Promise<CryptoKey> {
  let stored = await db.selectFrom('app_meta').select('value').where('key', '=', KEY_NAME).executeTakeFirst()
  if (!stored) {
    const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)))
    await db
      .insertInto('app_meta')
      .values({ key: KEY_NAME, value: secret, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
    stored = await db.selectFrom('app_meta').select('value').where('key', '=', KEY_NAME).executeTakeFirstOrThrow()
  }
  let key = keys.get(stored.value)
  if (!key) {
    key = await importHmacKey(fromBase64Url(stored.value)!)
    keys.set(stored.value, key)
  }
  return key
}

/** How long a preview link works unless the editor asks otherwise. */
export const DEFAULT_PREVIEW_SECONDS = 24 * 3600

/**
 * A token that lets anyone holding it read article `id` for `seconds`, minted only
 * by someone who may edit the article (an article they may not read is a 404).
 * Handing out read access to a draft is recorded in the audit log.
 */
export async function createPreviewLink(db: Db, id: number, seconds: number | undefined, actor: Actor) {
  const article = await readable(db.selectFrom('articles as a').select(['a.id', 'a.status', 'a.deleted_at', 'a.created_by']).where('a.id', '=', id), actor).executeTakeFirst()
  if (!article) throw notFound('Article')
  // Handing a draft to anyone with the link is a right of whoever may edit it (rules.ts), trash excluded (409).
  authorize('edit', actor, article)
  const expiresAt = new Date(Date.now() + (seconds ?? DEFAULT_PREVIEW_SECONDS) * 1000)
  const token = await signToken(await signingKey(db), id, expiresAt)
  await recordAudit(db, { actorId: actor.id, action: 'article.preview_link_created', resourceType: 'article', resourceId: id, details: { expires_at: expiresAt.toISOString() }, ip: actor.ip })
  return { token, expiresAt: expiresAt.toISOString() }
}

/**
 * The article a preview token opens, in whatever status it is (drafts included),
 * unless it is in the trash. Tampered or unknown: 404; expired: 410.
 */
export async function readPreview(db: Db, token: string, now: Date): Promise<ArticleBundle> {
  const check = await verifyToken(await signingKey(db), token, now)
  if (!check.ok) {
    if (check.reason === 'expired') throw new ApiError(410, 'gone', 'This preview link has expired; ask for a new one')
    throw notFound('Preview')
  }
  const row = await db
    .selectFrom('articles as a')
    .select(PUBLIC_ARTICLE_COLUMNS)
    .select(bundleColumns(db))
    .where('a.id', '=', check.id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound('Preview')
  return toBundle(row)
}
