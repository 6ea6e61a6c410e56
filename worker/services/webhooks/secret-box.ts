import { fromBase64Url, toBase64Url } from '../../lib/base64url'
import { randomSecret } from '../../lib/secret-token'

/**
 * Webhook signing secrets at rest. Unlike a password or an API key, the worker needs
 * the secret itself to sign each delivery, so it cannot be stored as a hash. With the
 * secret env var WEBHOOK_SECRET_KEY set (`wrangler secret put`), it is sealed with
 * AES-256-GCM under a key derived from it (SHA-256): a copy of the D1 database alone
 * reveals nothing. Without it, it is stored as `plain:…`, readable by whoever can read
 * the database (the Cloudflare account's admins), which docs/webhooks.md says.
 */
export const WEBHOOK_SECRET_PREFIX = 'whsec_'
/** How much of a secret lists show: the prefix and 4 random characters. */
export const SECRET_HINT_CHARS = WEBHOOK_SECRET_PREFIX.length + 4

const encoder = new TextEncoder()

async function aesKey(material: string): Promise<CryptoKey> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(material))
  return crypto.subtle.importKey('raw', digest, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

/** A new signing secret: `whsec_` and 32 random bytes in base64url. */
export const newWebhookSecret = () => WEBHOOK_SECRET_PREFIX + randomSecret(32)

/** The stored form of `secret`: sealed when `keyMaterial` is set, plain otherwise. */
export async function sealSecret(secret: string, keyMaterial: string | undefined): Promise<string> {
  if (!keyMaterial) return `plain:${secret}`
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(keyMaterial), encoder.encode(secret)))
  return `aesgcm:${toBase64Url(iv)}:${toBase64Url(sealed)}`
}

/** The secret back from its stored form; throws when it is sealed and the key is missing or wrong. */
export async function openSecret(stored: string, keyMaterial: string | undefined): Promise<string> {
  if (stored.startsWith('plain:')) return stored.slice('plain:'.length)
  const [, ivText, sealedText] = stored.split(':')
  const iv = fromBase64Url(ivText ?? '')
  const sealed = fromBase64Url(sealedText ?? '')
  if (!stored.startsWith('aesgcm:') || !iv || !sealed) throw new Error('the stored webhook secret is unreadable')
  if (!keyMaterial) throw new Error('the webhook secret is sealed and WEBHOOK_SECRET_KEY is not set')
  try {
    return new TextDecoder().decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await aesKey(keyMaterial), sealed))
  } catch {
    throw new Error('the webhook secret does not open with this WEBHOOK_SECRET_KEY (was it changed?)')
  }
}
