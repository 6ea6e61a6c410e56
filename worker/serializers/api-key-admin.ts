import type { ApiKeyRow } from '../../schema/tables/api-keys'
import { toZonedIso } from '../lib/time'
import { KEY_TIERS } from '../services/api-keys/tiers'

const zoned = (iso: string | null, timeZone: string) => (iso === null ? null : toZonedIso(iso, timeZone))

/** Whether a key works now: revoked wins over expired. */
export function keyStatus(k: Pick<ApiKeyRow, 'revoked_at' | 'expires_at'>, now = Date.now()): 'active' | 'expired' | 'revoked' {
  if (k.revoked_at !== null) return 'revoked'
  return k.expires_at !== null && now >= Date.parse(k.expires_at) ? 'expired' : 'active'
}

/** A partner key as admins see it: its prefix, scope, tier and state; never the secret or its hash. */
export const serializeApiKey = (k: ApiKeyRow, timeZone: string) => ({
  id: k.id,
  name: k.name,
  prefix: k.key_prefix,
  scopes: ['content' as const],
  body: k.body,
  category_ids: k.category_ids === null ? null : (JSON.parse(k.category_ids) as number[]),
  tier: k.tier,
  rate_limit: { limit: KEY_TIERS[k.tier].limit, period_seconds: KEY_TIERS[k.tier].period },
  status: keyStatus(k),
  expires_at: zoned(k.expires_at, timeZone),
  revoked_at: zoned(k.revoked_at, timeZone),
  created_at: toZonedIso(k.created_at, timeZone),
  updated_at: toZonedIso(k.updated_at, timeZone),
  version: k.version,
})
