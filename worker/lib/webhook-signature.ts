/**
 * The signature of a webhook delivery, Stripe-style:
 * `Tin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 * Signing the time with the body lets a receiver refuse replays of an old delivery
 * (docs/webhooks.md has the receiver's side).
 *
 * @example
 * const header = await signatureHeader('whsec_…', body, Math.floor(Date.now() / 1000))
 */
import { toHex } from './hex'

export const SIGNATURE_HEADER = 'Tin-Signature'

const encoder = new TextEncoder()

/** Lower-case hex HMAC-SHA256 of `message` under `secret`. */
export async function hmacSha256Hex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)))
  return toHex(mac)
}

/** The Tin-Signature value for `body` sent at `unixSeconds`. */
export async function signatureHeader(secret: string, body: string, unixSeconds: number): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacSha256Hex(secret, `${unixSeconds}.${body}`)}`
}
