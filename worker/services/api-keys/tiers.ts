import type { ApiKeyTier } from '../../../schema/tables/api-keys'

/**
 * Rate-limit tiers of partner keys. A Workers Rate Limiting binding has one fixed
 * limit and period (wrangler.toml `[[ratelimits]]`), so a tier is a binding; these
 * figures restate it for the admin UI, the docs and Retry-After, and a test checks
 * they match wrangler.toml.
 */
export const KEY_TIERS = {
  trial: { binding: 'KEY_RATE_TRIAL', limit: 5, period: 10 },
  standard: { binding: 'KEY_RATE_STANDARD', limit: 600, period: 60 },
  high: { binding: 'KEY_RATE_HIGH', limit: 6000, period: 60 },
} as const satisfies Record<ApiKeyTier, { binding: keyof Env; limit: number; period: 10 | 60 }>

export const TIER_NAMES = Object.keys(KEY_TIERS) as ApiKeyTier[]

/**
 * Counts one request of a key against its tier: false when the key is over its
 * limit. A binding missing from the deployment lets the request through (logged):
 * a configuration slip must not take every partner down.
 */
export async function withinRateLimit(env: Env, tier: ApiKeyTier, keyId: number): Promise<boolean> {
  const binding = env[KEY_TIERS[tier].binding] as RateLimit | undefined
  if (!binding) {
    console.error(JSON.stringify({ level: 'error', msg: 'rate-limit binding missing; request let through', binding: KEY_TIERS[tier].binding }))
    return true
  }
  const { success } = await binding.limit({ key: String(keyId) })
  return success
}
