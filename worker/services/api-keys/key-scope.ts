import { sha256Hex } from '../../lib/secret-token'
import type { FeedScope } from '../feeds/feed-scope'
import type { VerifiedKey } from './verify'

/** What a verified key may read, as the API and the feeds take it (`c.var.feedScope`). */
export const readerScope = (key: VerifiedKey): FeedScope => ({ fullBody: key.body === 'full', categories: key.categories })

/**
 * The read-cache scope of a key (middleware/cache-scope.ts): derived from what it
 * may see, not from its id, so keys with the same access share cached answers and
 * keys with different access never do (`key:summary:3.4.7`, `key:full:all`). A
 * long category list becomes a hash of itself.
 */
export async function keyCacheScope(key: VerifiedKey): Promise<string> {
  const categories = key.categories ? key.categories.join('.') : 'all'
  const scope = `key:${key.body}:${categories}`
  return scope.length <= 120 ? scope : `key:${key.body}:h${(await sha256Hex(categories)).slice(0, 32)}`
}
