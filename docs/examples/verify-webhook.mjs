// Verifying a Tin Edge webhook in Node (docs/webhooks.md). Copy this function into
// your receiver; the black-box suite runs this very file against real deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * True when `header` (the Tin-Signature request header) signs `rawBody` (the body
 * exactly as received, a string or Buffer, before any JSON parsing) with `secret`,
 * and its time is within `toleranceSeconds` of now (refuses replays of old deliveries).
 */
export function verifyTinSignature(secret, rawBody, header, { toleranceSeconds = 300, now = Date.now() / 1000 } = {}) {
  const fields = Object.fromEntries(String(header ?? '').split(',').map((part) => part.trim().split('=', 2)))
  const t = Number(fields.t)
  if (!Number.isSafeInteger(t) || !/^[0-9a-f]{64}$/.test(fields.v1 ?? '')) return false
  if (Math.abs(now - t) > toleranceSeconds) return false
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest()
  return timingSafeEqual(expected, Buffer.from(fields.v1, 'hex'))
}
