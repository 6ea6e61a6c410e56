/**
 * Password hashing: PBKDF2-SHA256 through WebCrypto, a 16-byte random salt per
 * password, and the parameters stored with the hash:
 * `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`.
 * Verification reads the iteration count from the stored value, so the default can
 * be raised later without invalidating existing passwords.
 *
 * This file imports nothing on purpose: scripts/bootstrap-admin.mjs (Node 22) loads
 * it directly to hash the first admin's password in the same format.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * await verifyPassword('correct horse battery staple', stored) // true
 */

/** Iterations for new hashes. */
export const PBKDF2_ITERATIONS = 100_000
/** Cloudflare's production runtime refuses PBKDF2 above this (local workerd does not). */
export const PBKDF2_MAX_ITERATIONS = 100_000
export const PASSWORD_MIN_LENGTH = 10
/** Long inputs cost PBKDF2 time; nobody types more than this. */
export const PASSWORD_MAX_LENGTH = 256

const SCHEME = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32

export interface ParsedPasswordHash {
  iterations: number
  salt: Uint8Array
  hash: Uint8Array
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

async function derive(password: string, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, length * 8)
  return new Uint8Array(bits)
}

/** Compares in time that depends only on the length (workerd has a native one). */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (x: ArrayBufferView, y: ArrayBufferView) => boolean }
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(a, b)
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

export async function hashPassword(password: string, iterations: number = PBKDF2_ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be 1..${PBKDF2_MAX_ITERATIONS}`)
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations, HASH_BYTES)
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`
}

/** The parts of a stored hash, or null when it is not in our format. */
export function parsePasswordHash(stored: string): ParsedPasswordHash | null {
  const parts = stored.split('$')
  if (parts.length !== 4 || parts[0] !== SCHEME || !/^[1-9][0-9]{0,8}$/.test(parts[1]!)) return null
  try {
    const salt = fromBase64(parts[2]!)
    const hash = fromBase64(parts[3]!)
    if (salt.length < SALT_BYTES || hash.length !== HASH_BYTES) return null
    return { iterations: Number(parts[1]), salt, hash }
  } catch {
    return null
  }
}

/**
 * True when `password` matches `stored`. A malformed hash, or one asking for more
 * iterations than production allows, never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored)
  if (!parsed || parsed.iterations > PBKDF2_MAX_ITERATIONS) return false
  const candidate = await derive(password, parsed.salt, parsed.iterations, HASH_BYTES)
  return timingSafeEqual(candidate, parsed.hash)
}

let dummyHash: string | undefined

/**
 * Spends the same PBKDF2 work as a real verification and returns false: used when
 * the email is unknown, so its answer takes as long as a wrong password's. The dummy
 * is a random salt and random bytes in the stored format (building it costs no
 * PBKDF2, so even the first unknown email in an isolate is not slower).
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= `${SCHEME}$${PBKDF2_ITERATIONS}$${toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)))}$${toBase64(crypto.getRandomValues(new Uint8Array(HASH_BYTES)))}`
  await verifyPassword(password, dummyHash)
  return false
}
