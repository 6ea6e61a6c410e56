/** Table types for partner API keys (0009_api_keys.sql). */
import type { Generated, Selectable } from 'kysely'

export type ApiKeyBody = 'full' | 'summary'
export type ApiKeyTier = 'trial' | 'standard' | 'high'

export interface ApiKeysTable {
  id: Generated<number>
  name: string
  /** SHA-256 (hex) of the whole secret. */
  key_hash: string
  key_prefix: string
  body: ApiKeyBody
  /** JSON array of category ids (subcategories included), or null for every category. */
  category_ids: string | null
  tier: ApiKeyTier
  expires_at: string | null
  revoked_at: string | null
  created_by: number | null
  version: Generated<number>
  created_at: string
  updated_at: string
}

/** Requests and 429s of a key on one UTC day (`day`: YYYY-MM-DD). */
export interface ApiKeyUsageTable {
  key_id: number
  day: string
  requests: number
  limited: number
}

export interface ApiKeyTables {
  api_keys: ApiKeysTable
  api_key_usage: ApiKeyUsageTable
}

/** A key as admins see it: everything but the hash. */
export type ApiKeyRow = Omit<Selectable<ApiKeysTable>, 'key_hash'>
