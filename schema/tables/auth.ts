/** Table types for the auth feature's migration (0002_auth.sql). */
import type { Generated, Insertable, Selectable } from 'kysely'

export interface SessionsTable {
  id: Generated<number>
  /** SHA-256 (hex) of the cookie's random token. */
  token_hash: string
  user_id: number
  created_at: string
  last_seen_at: string
  expires_at: string
  ip: string | null
  user_agent: string | null
}

export interface PersonalAccessTokensTable {
  id: Generated<number>
  user_id: number
  name: string
  /** SHA-256 (hex) of the whole bearer token. */
  token_hash: string
  token_prefix: string
  created_at: string
  last_used_at: string | null
  expires_at: string
  revoked_at: string | null
  /** Space-separated TOKEN_SCOPES (0011), never more than the owner's role allows. */
  scopes: Generated<string>
}

export interface LoginThrottleTable {
  /** `account:<lower-cased email>`, `ip4:<address>`, `ip6:<first 64 bits>`, or `spray:<address key>|account:<email>` (one per address and account that failed; it never locks). */
  key: string
  failures: Generated<number>
  locked_until: string | null
  updated_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  actor_id: number | null
  action: string
  resource_type: string
  resource_id: string | null
  /** JSON object. */
  details: Generated<string>
  ip: string | null
  created_at: string
}

export interface AuthTables {
  sessions: SessionsTable
  personal_access_tokens: PersonalAccessTokensTable
  login_throttle: LoginThrottleTable
  audit_log: AuditLogTable
}

export type Session = Selectable<SessionsTable>
export type NewSession = Insertable<SessionsTable>
export type PersonalAccessToken = Selectable<PersonalAccessTokensTable>
/** A token as lists show it: everything but the hash. */
export type AccessTokenSummary = Omit<PersonalAccessToken, 'token_hash'>
export type AuditLogRow = Selectable<AuditLogTable>
