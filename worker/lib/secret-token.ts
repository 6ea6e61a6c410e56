/**
 * Random secrets for cookies and bearer tokens, and the hash under which they are
 * stored. A 32-byte random value needs no salt or slow hash: SHA-256 suffices to make
 * a leaked table useless.
 */
import { toBase64Url } from './base64url'

export { sha256Hex } from './hex'

/** base64url of `bytes` random bytes (32 bytes -> 43 characters). */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

