/** Lower-case hex of `bytes` (a digest, a MAC). */
export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * SHA-256 as lower-case hex, of text (UTF-8) or bytes.
 *
 * @example
 * await sha256Hex('tin_pat_…') // '9f86d0…'
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? new TextEncoder().encode(data) : data))
}
