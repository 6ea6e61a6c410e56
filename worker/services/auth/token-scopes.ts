import type { Role } from '../../../schema/database'

/**
 * What a personal access token may do, chosen when it is made and never more than
 * its owner's role allows (ROLE_SCOPES). A token's effective scopes are computed at
 * every request as (scopes it was given) ∩ (what the owner's role allows now), so a
 * role downgrade narrows every token at once; a suspension or a password change
 * revokes them (README, "Personal access tokens").
 */
export const TOKEN_SCOPES = ['content:read', 'content:write', 'publish', 'admin'] as const
export type TokenScope = (typeof TOKEN_SCOPES)[number]

export const ROLE_SCOPES: Record<Role, readonly TokenScope[]> = {
  admin: TOKEN_SCOPES,
  editor: ['content:read', 'content:write', 'publish'],
  author: ['content:read', 'content:write'],
  contributor: ['content:read', 'content:write'],
}

/** Scopes as stored: space-separated, like OAuth's `scope`. Unknown words are dropped. */
export const parseScopes = (text: string): TokenScope[] => TOKEN_SCOPES.filter((s) => text.split(' ').includes(s))
export const formatScopes = (scopes: readonly TokenScope[]) => TOKEN_SCOPES.filter((s) => scopes.includes(s)).join(' ')

/** The scopes a token of `role`'s user holds now. */
export const effectiveScopes = (stored: string, role: Role) => parseScopes(stored).filter((s) => ROLE_SCOPES[role].includes(s))

const WORKFLOW_PUBLISH = /^\/articles\/[^/]+\/(publish|schedule|unpublish|archive)\/?$/
const CONTENT = /^\/(articles|categories|tags|authors|media|search)(\/|$)/
/** The signed-in user's own account: each route there decides (creating tokens, changing the password need a browser session). */
const OWN_ACCOUNT = /^\/(me|tokens|session)(\/|$)/

/**
 * The scope a token needs for an admin request (`path` below /api/admin), or null
 * when the route's own guards decide. Anything not listed needs `admin`: a route
 * added later is closed to narrow tokens until it is placed here.
 *
 * @example
 * requiredScope('POST', '/articles/7/publish') // 'publish'
 */
export function requiredScope(method: string, path: string): TokenScope | null {
  if (OWN_ACCOUNT.test(path)) return null
  if (method === 'POST' && WORKFLOW_PUBLISH.test(path)) return 'publish'
  if (CONTENT.test(path)) return method === 'GET' || method === 'HEAD' ? 'content:read' : 'content:write'
  return 'admin'
}
