/**
 * Request and response bodies of `/api/admin/api-keys`: partner and frontend keys
 * (docs/partners.md).
 */
import * as v from 'valibot'
import { TIER_NAMES } from '../../worker/services/api-keys/tiers'
import { BodyId, BodyInstant, Line, optionalAll } from './admin-common'
import { CursorQuery, dataOf, LimitQuery, listOf } from './common'

/** What a key may read: `content` (published articles, search, feeds) is the one scope today. */
export const API_KEY_SCOPES = ['content'] as const
export const API_KEY_BODIES = ['full', 'summary'] as const

const Time = v.pipe(v.string(), v.description('ISO 8601 in the site time zone, e.g. 2017-04-18T09:35:00+07:00'))

const keyFields = {
  name: Line(100),
  scopes: v.pipe(v.array(v.picklist(API_KEY_SCOPES, 'must be "content"')), v.minLength(1, 'must name at least one scope'), v.maxLength(1, 'has only "content" today')),
  body: v.picklist(API_KEY_BODIES, 'must be "full" or "summary"'),
  /** null or absent: every category; otherwise these and their subcategories. */
  category_ids: v.nullable(v.pipe(v.array(BodyId), v.minLength(1, 'must list a category, or be null for all'), v.maxLength(100, 'must list at most 100 categories'))),
  tier: v.picklist(TIER_NAMES, `must be one of: ${TIER_NAMES.join(', ')}`),
  expires_at: v.nullable(v.pipe(BodyInstant, v.check((iso) => Date.parse(iso) > Date.now(), 'must be in the future'))),
}

export const CreateApiKeyBody = v.strictObject({
  ...keyFields,
  scopes: v.optional(keyFields.scopes, ['content']),
  category_ids: v.optional(keyFields.category_ids, null),
  tier: v.optional(keyFields.tier, 'standard'),
  expires_at: v.optional(keyFields.expires_at, null),
})
export type CreateApiKeyBody = v.InferOutput<typeof CreateApiKeyBody>

export const UpdateApiKeyBody = v.pipe(
  v.strictObject(optionalAll(keyFields)),
  v.check((b) => Object.values(b).some((x) => x !== undefined), 'must change at least one field'),
)
export type UpdateApiKeyBody = v.InferOutput<typeof UpdateApiKeyBody>

export const ApiKeyListQuery = v.strictObject({ limit: LimitQuery, cursor: CursorQuery })

const UsageDay = v.object({ day: v.string(), requests: v.number(), limited: v.number() })

export const ApiKeyView = v.pipe(
  v.object({
    id: v.number(),
    name: v.string(),
    prefix: v.pipe(v.string(), v.description('The first characters of the secret, to tell keys apart')),
    scopes: v.array(v.picklist(API_KEY_SCOPES)),
    body: v.picklist(API_KEY_BODIES),
    category_ids: v.nullable(v.array(v.number())),
    tier: v.picklist(TIER_NAMES),
    rate_limit: v.object({ limit: v.number(), period_seconds: v.number() }),
    status: v.picklist(['active', 'expired', 'revoked']),
    expires_at: v.nullable(Time),
    revoked_at: v.nullable(Time),
    created_at: Time,
    updated_at: Time,
    version: v.number(),
  }),
  v.metadata({ ref: 'ApiKey' }),
)
export const ApiKeyList = listOf(ApiKeyView)
export const ApiKeyResponse = dataOf(v.object({ ...ApiKeyView.entries, usage: v.array(UsageDay) }))
export const ApiKeyCreated = dataOf(
  v.object({ ...ApiKeyView.entries, key: v.pipe(v.string(), v.description('The secret: shown in this response only')) }),
)

