/**
 * Random secrets for cookies and bearer tokens, and the hash under which they are
 * stored. A 32-byte random value needs no salt or slow hash: SHA-256 suffices to make
 * a leaked table useless.
 */
import { toBase64Url } from './base64url'

/** base64url of `bytes` random bytes (32 bytes -> 43 characters). */
export function randomSecret(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)))
}

/** SHA-256 of the text, as lower-case hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
}
