/**
 * Staff accounts and signed-in requests for integration tests. Accounts are made
 * with the real password hashing and user service; sessions come from the real
 * `POST /api/admin/session`, so a test signs in exactly as the admin UI does.
 *
 * @example
 * const { headers } = await loginAs('editor')
 * await SELF.fetch(`${BASE}/api/admin/tags`, { method: 'POST', headers, body: JSON.stringify({ name: 'Thời sự' }) })
 */
import { env, SELF } from 'cloudflare:test'
import type { Role } from '../../schema/database'
import { createDb } from '../../worker/db/client'
import { createAccessToken } from '../../worker/services/auth/access-tokens'
import { ROLE_SCOPES, type TokenScope } from '../../worker/services/auth/token-scopes'
import { hashPassword } from '../../worker/services/password'
import { createUserQuery, getUser } from '../../worker/services/users'

export const BASE = 'http://127.0.0.1:8787'
export const ORIGIN = BASE

let counter = 0

export interface StaffOverrides {
  email?: string
  name?: string
  password?: string
  status?: 'active' | 'suspended'
}

/** A staff account in this test file's D1, with a known password. */
export async function createStaff(role: Role, overrides: StaffOverrides = {}) {
  const db = createDb(env.DB)
  counter += 1
  const password = overrides.password ?? `mật-khẩu-${role}-${counter}-${crypto.randomUUID()}`
  const email = overrides.email ?? `${role}-${counter}-${crypto.randomUUID().slice(0, 8)}@tin.test`
  const { id } = await createUserQuery(db, { email, name: overrides.name ?? `Nhân viên ${role} ${counter}`, role, passwordHash: await hashPassword(password) })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (overrides.status === 'suspended') await db.updateTable('users').set({ status: 'suspended' }).where('id', '=', id).execute()
  const user = await getUser(db, id)
  return { user: user!, password }
}

export interface SignedIn {
  /** `tin_session=<token>`, ready for a Cookie header. */
  cookie: string
  /** Cookie, the API's Origin and a JSON Content-Type: what the admin UI sends on a write. */
  headers: Record<string, string>
  user: { id: number; email: string; name: string; role: Role; status: string; version: number }
}

/** Signs in through `POST /api/admin/session` as a new user of `role`, or with given credentials. */
export async function loginAs(who: Role | { email: string; password: string }): Promise<SignedIn> {
  const credentials = typeof who === 'string' ? await createStaff(who).then(({ user, password }) => ({ email: user.email, password })) : who
  const res = await SELF.fetch(`${BASE}/api/admin/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
    body: JSON.stringify(credentials),
  })
  const body = (await res.json()) as { data: SignedIn['user'] }
  if (res.status !== 200) throw new Error(`login failed with ${res.status}: ${JSON.stringify(body)}`)
  const match = /(?:^|,\s*)tin_session=([^;]+)/.exec(res.headers.get('Set-Cookie') ?? '')
  if (!match) throw new Error('login set no tin_session cookie')
  const cookie = `tin_session=${match[1]}`
  return { cookie, headers: { Cookie: cookie, Origin: ORIGIN, 'Content-Type': 'application/json' }, user: body.data }
}

/** A personal access token of a new user of `role` with every scope the role allows (or `scopes`), as bearer headers. */
export async function tokenFor(role: Role, scopes: readonly TokenScope[] = ROLE_SCOPES[role]) {
  const { user, password } = await createStaff(role)
  const { insert, secret } = await createAccessToken(createDb(env.DB), user.id, `test ${role}`, 30, scopes)
  await insert.execute()
  return { token: secret, user, password, headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' } }
}
