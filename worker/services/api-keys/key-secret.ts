import { randomSecret, sha256Hex } from '../../lib/secret-token'

/** Every partner key starts with this, so a leaked one is recognisable (and scannable). */
export const API_KEY_PREFIX = 'tin_key_'
/** How much of the secret lists show: the fixed prefix plus 4 random characters. */
export const API_KEY_SHOWN_CHARS = API_KEY_PREFIX.length + 4
/** The whole shape of a key: the prefix and 43 base64url characters (32 random bytes). */
export const API_KEY_PATTERN = /^tin_key_[A-Za-z0-9_-]{43}$/

/** A new secret (shown once), its stored hash and its shown prefix. */
export async function mintApiKey() {
  const secret = API_KEY_PREFIX + randomSecret(32)
  return { secret, hash: await sha256Hex(secret), prefix: secret.slice(0, API_KEY_SHOWN_CHARS) }
}
