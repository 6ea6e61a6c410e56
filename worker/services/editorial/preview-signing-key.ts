import type { Db } from '../../db/client'
import { fromBase64Url, toBase64Url } from '../../lib/base64url'
import { importHmacKey } from '../../lib/signed-token'

/**
 * The key's name in app_meta. `_v2` since migration 0011: tokens now carry a
 * preview_links id, not an article id, so links signed before (with the old key)
 * must not verify and be read as some other link's id.
 */
const KEY_NAME = 'preview_signing_key_v2'
/** Imported keys by secret: plain CryptoKeys, never a promise another request could be left waiting on. */
const keys = new Map<string, CryptoKey>()

/**
 * The installation's preview signing key, kept in app_meta. The first preview
 * link generates it (32 random bytes), so nothing needs configuring; concurrent
 * first uses agree because only one insert wins and both read the winner back.
 */
export async function previewSigningKey(db: Db): Promise<CryptoKey> {
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
