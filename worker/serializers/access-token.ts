import type { AccessTokenSummary } from '../../schema/tables/auth'
import { toZonedIso } from '../lib/time'
import { parseScopes } from '../services/auth/token-scopes'

const zoned = (iso: string | null, timeZone: string) => (iso === null ? null : toZonedIso(iso, timeZone))

/** A personal access token in lists: its prefix, never its secret or hash. */
export const serializeAccessToken = (t: AccessTokenSummary, timeZone: string) => ({
  id: t.id,
  name: t.name,
  prefix: t.token_prefix,
  created_at: toZonedIso(t.created_at, timeZone),
  last_used_at: zoned(t.last_used_at, timeZone),
  expires_at: toZonedIso(t.expires_at, timeZone),
  revoked_at: zoned(t.revoked_at, timeZone),
  scopes: parseScopes(t.scopes),
})
