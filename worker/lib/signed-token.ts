import { fromBase64Url, toBase64Url } from './base64url'

/**
 * Compact signed tokens: `<payload>.<signature>`, both base64url, where the payload
 * is `<id>.<expiry in unix seconds>` and the signature is HMAC-SHA256 over it.
 * Verification is constant-time (`crypto.subtle.verify`).
 *
 * @example
 * const token = await signToken(key, 42, expiresAt)
 * await verifyToken(key, token, new Date()) // { ok: true, id: 42, expiresAt }
 */
export type TokenCheck =
  | { ok: true; id: number; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'bad_signature' }
  | { ok: false; reason: 'expired'; id: number; expiresAt: Date }

const encoder = new TextEncoder()

/** An HMAC-SHA256 key from raw secret bytes. */
export const importHmacKey = (secret: Uint8Array) =>
  crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])

export async function signToken(key: CryptoKey, id: number, expiresAt: Date): Promise<string> {
  const payload = toBase64Url(encoder.encode(`${id}.${Math.floor(expiresAt.getTime() / 1000)}`))
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(payload)))
  return `${payload}.${toBase64Url(signature)}`
}

export async function verifyToken(key: CryptoKey, token: string, now: Date): Promise<TokenCheck> {
  const [payload, sig, ...rest] = token.split('.')
  if (!payload || !sig || rest.length > 0 || token.length > 300) return { ok: false, reason: 'malformed' }
  const signature = fromBase64Url(sig)
  if (!signature || signature.length !== 32) return { ok: false, reason: 'malformed' }
  if (!(await crypto.subtle.verify('HMAC', key, signature, encoder.encode(payload)))) {
    return { ok: false, reason: 'bad_signature' }
  }
  const decoded = fromBase64Url(payload)
  const match = decoded && /^([1-9][0-9]{0,15})\.([0-9]{1,12})$/.exec(new TextDecoder().decode(decoded))
  if (!match) return { ok: false, reason: 'malformed' }
  const id = Number(match[1])
  const expiresAt = new Date(Number(match[2]) * 1000)
  return expiresAt.getTime() <= now.getTime() ? { ok: false, reason: 'expired', id, expiresAt } : { ok: true, id, expiresAt }
}
