import { API_KEY_PREFIX } from '../services/api-keys/key-secret'

/**
 * The partner key a request presents, or null when it presents none:
 * - `X-Api-Key: <key>` (any value, even empty, counts as presenting one);
 * - `Authorization: Bearer tin_key_…`.
 * Any other Authorization (a staff `Bearer tin_pat_…`, Basic from a proxy) is not
 * a partner key: public routes ignore it (the caller is anonymous, and uncached:
 * middleware/cache-scope.ts).
 *
 * @example
 * presentedApiKey(new Headers({ 'X-Api-Key': 'tin_key_…' })) // 'tin_key_…'
 */
export function presentedApiKey(headers: Headers): string | null {
  const header = headers.get('X-Api-Key')
  if (header !== null) return header.trim()
  const bearer = /^Bearer +(\S+)\s*$/i.exec(headers.get('Authorization') ?? '')
  return bearer && bearer[1]!.startsWith(API_KEY_PREFIX) ? bearer[1]! : null
}
