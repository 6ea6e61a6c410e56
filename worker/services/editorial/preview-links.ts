import type { Db } from '../../db/client'
import { ApiError, notFound } from '../../lib/errors'
import { importHmacKey, signToken, verifyToken } from '../../lib/signed-token'
import { fromBase64Url, toBase64Url } from '../../lib/base64url'
import { loadBundles, type ArticleBundle } from '../articles/bundle'
import { PUBLIC_ARTICLE_COLUMNS } from '../articles/columns'

const KEY_NAME = 'preview_signing_key'
const keys = new Map<string, Promise<CryptoKey>>()

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
    key = importHmacKey(fromBase64Url(stored.value)!)
    keys.set(stored.value, key)
  }
  return key
}

/** A token that lets anyone holding it read article `id` until `expiresAt`. */
export async function createPreviewToken(db: Db, id: number, expiresAt: Date): Promise<string> {
  return signToken(await signingKey(db), id, expiresAt)
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
    .where('a.id', '=', check.id)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound('Preview')
  return (await loadBundles(db, [row]))[0]!
}
