/**
 * Request and response bodies of the accounts half of the admin API: sessions, the
 * signed-in user, staff accounts, personal access tokens and the audit log.
 */
import * as v from 'valibot'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../worker/services/password'
import { ACCESS_TOKEN_DEFAULT_DAYS, ACCESS_TOKEN_MAX_DAYS } from '../../worker/services/auth/access-tokens'
import { TOKEN_SCOPES } from '../../worker/services/auth/token-scopes'
import { CursorQuery, dataOf, LimitQuery, listOf } from './common'

export const ROLES = ['admin', 'editor', 'author', 'contributor'] as const
export const USER_STATUSES = ['active', 'suspended'] as const

/** Loose on purpose: one @, no spaces. `admin@localhost` (the generated local admin) must pass; the real check is the account lookup. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/
const Email = v.pipe(v.string('must be a string'), v.trim(), v.maxLength(254, 'is longer than 254 characters'), v.regex(EMAIL_PATTERN, 'must be an email address'))
const Name = v.pipe(v.string('must be a string'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100, 'is longer than 100 characters'))
const Role = v.picklist(ROLES, `must be one of: ${ROLES.join(', ')}`)
const Status = v.picklist(USER_STATUSES, `must be one of: ${USER_STATUSES.join(', ')}`)
/** A password someone types to sign in: any length we are willing to hash. */
const AnyPassword = v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty'), v.maxLength(PASSWORD_MAX_LENGTH, `is longer than ${PASSWORD_MAX_LENGTH} characters`))
/** A password being set: long enough to resist guessing. */
const NewPassword = v.pipe(
  v.string('must be a string'),
  v.minLength(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`),
  v.maxLength(PASSWORD_MAX_LENGTH, `is longer than ${PASSWORD_MAX_LENGTH} characters`),
)
const Time = v.pipe(v.string(), v.description('ISO 8601 in the site time zone, e.g. 2017-04-18T09:35:00+07:00'))
const IdFilter = v.optional(v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, 'must be a positive integer id'), v.transform(Number)))

export const LoginBody = v.strictObject({ email: Email, password: AnyPassword })

export const ChangePasswordBody = v.pipe(
  v.strictObject({ current_password: AnyPassword, new_password: NewPassword }),
  v.forward(
    v.check((b) => b.current_password !== b.new_password, 'must differ from the current password'),
    ['new_password'],
  ),
)

export const CreateUserBody = v.strictObject({ email: Email, name: Name, role: Role, password: NewPassword })
export type CreateUserBody = v.InferOutput<typeof CreateUserBody>

export const UpdateUserBody = v.pipe(
  v.strictObject({ name: v.optional(Name), role: v.optional(Role), status: v.optional(Status) }),
  v.check((b) => Object.values(b).some((x) => x !== undefined), 'must change at least one of name, role, status'),
)
export type UpdateUserBody = v.InferOutput<typeof UpdateUserBody>

export const UserListQuery = v.strictObject({ limit: LimitQuery, cursor: CursorQuery, role: v.optional(Role), status: v.optional(Status) })

export const CreateTokenBody = v.strictObject({
  name: Name,
  expires_in_days: v.optional(
    v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be at least 1'), v.maxValue(ACCESS_TOKEN_MAX_DAYS, `must be at most ${ACCESS_TOKEN_MAX_DAYS}`)),
    ACCESS_TOKEN_DEFAULT_DAYS,
  ),
  scopes: v.optional(
    v.pipe(
      v.array(v.picklist(TOKEN_SCOPES, `must be one of ${TOKEN_SCOPES.join(', ')}`)),
      v.minLength(1, 'must name at least one scope'),
      v.maxLength(TOKEN_SCOPES.length, `must name at most ${TOKEN_SCOPES.length} scopes`),
      v.description('What the token may do: content:read (GET content), content:write (create, edit, trash), publish (publish, schedule, unpublish, archive), admin (users, audit log, everything else). Never more than your role allows (403 otherwise); default ["content:read"]. A role downgrade narrows the token, a password change or suspension revokes it.'),
    ),
    ['content:read'],
  ),
})

export const TokenListQuery = v.strictObject({ limit: LimitQuery, cursor: CursorQuery })

export const AuditLogQuery = v.pipe(
  v.strictObject({
    limit: LimitQuery,
    cursor: CursorQuery,
    actor_id: IdFilter,
    resource_type: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z_-]{0,39}$/, 'must be a resource type such as user or article'))),
    resource_id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100, 'is longer than 100 characters'))),
    action: v.optional(v.pipe(v.string(), v.regex(/^[a-z][a-z_.-]{0,59}$/, 'must be an action such as user.created'))),
  }),
  v.forward(
    v.check((q) => q.resource_id === undefined || q.resource_type !== undefined, 'needs resource_type as well'),
    ['resource_id'],
  ),
)
export type AuditLogQuery = v.InferOutput<typeof AuditLogQuery>

export const StaffUserView = v.pipe(
  v.object({
    id: v.number(),
    email: v.string(),
    name: v.string(),
    role: Role,
    status: Status,
    version: v.number(),
    created_at: Time,
    updated_at: Time,
  }),
  v.metadata({ ref: 'StaffUser' }),
)
export const UserResponse = dataOf(StaffUserView)
export const UserList = listOf(StaffUserView)

export const AccessTokenView = v.pipe(
  v.object({
    id: v.number(),
    name: v.string(),
    prefix: v.pipe(v.string(), v.description('The first characters of the secret, to tell tokens apart')),
    created_at: Time,
    last_used_at: v.nullable(Time),
    expires_at: Time,
    revoked_at: v.nullable(Time),
    scopes: v.pipe(v.array(v.picklist(TOKEN_SCOPES)), v.description('The scopes it was given; each request also narrows them to the owner\'s current role')),
  }),
  v.metadata({ ref: 'AccessToken' }),
)
export const TokenList = listOf(AccessTokenView)
export const TokenCreated = dataOf(
  v.object({
    ...AccessTokenView.entries,
    token: v.pipe(v.string(), v.description('The secret: shown this once, send it as `Authorization: Bearer <token>`')),
  }),
)

export const AuditEntryView = v.pipe(
  v.object({
    id: v.number(),
    actor_id: v.nullable(v.number()),
    action: v.string(),
    resource_type: v.string(),
    resource_id: v.nullable(v.string()),
    details: v.record(v.string(), v.unknown()),
    ip: v.nullable(v.string()),
    created_at: Time,
  }),
  v.metadata({ ref: 'AuditEntry' }),
)
export const AuditLogList = listOf(AuditEntryView)
