/**
 * `PUBLIC_API_ACCESS`: who may read `/api/v1` content and the feeds.
 * - `open` (default): anyone; a partner key narrows what its holder sees and is counted.
 * - `key`: an API key is required (401 without one). Health, the view beacons,
 *   preview links, the OpenAPI document and docs page, media, sitemaps and
 *   robots.txt stay open (docs/partners.md).
 */
export type PublicAccess = 'open' | 'key'

export function publicAccess(env: Pick<Env, 'PUBLIC_API_ACCESS'>): PublicAccess {
  const raw = (env.PUBLIC_API_ACCESS || 'open').trim().toLowerCase()
  if (raw === 'open' || raw === 'key') return raw
  throw new Error(`PUBLIC_API_ACCESS "${env.PUBLIC_API_ACCESS}" must be open or key`)
}
