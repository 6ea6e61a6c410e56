/**
 * Signing in to the admin API as a script does: POST /api/admin/session for the
 * `tin_session` cookie (writes with it carry this site's Origin), then a personal
 * access token from POST /api/admin/tokens for everything after.
 */
import { send, seen, type Call, type Reply } from './http.ts'

/** The first admin: the worker creates it from these vars at the first sign-in. */
export const ADMIN = { email: 'bientap@toasoan.vn', password: 'mat-khau-toa-soan-2024' }
export const ADMIN_VARS = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }

export interface Credentials {
  /** `tin_session=…`, for a Cookie header. */
  cookie: string
  /** `Bearer tin_pat_…`, for an Authorization header. */
  bearer: string
}

/** Signs in with a password and returns the `tin_session=…` cookie pair. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const reply = await send(base, 'POST', '/api/admin/session', { body: { email, password } })
  const setCookie = [reply.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('tin_session='))
  if (reply.status !== 200 || !setCookie) throw new Error(`signing in as ${email}: ${seen(reply)}`)
  return setCookie.split(';')[0]!
}

/** Signs in and mints a token named `name` with every scope (the suite acts as the first admin; a token defaults to content:read). */
export async function staffCredentials(base: string, email = ADMIN.email, password = ADMIN.password, name = 'black-box suite'): Promise<Credentials> {
  const cookie = await signIn(base, email, password)
  const reply = await send(base, 'POST', '/api/admin/tokens', { headers: { cookie, origin: base }, body: { name, scopes: ['content:read', 'content:write', 'publish', 'admin'] } })
  if (reply.status !== 201) throw new Error(`minting a token: ${seen(reply)}`)
  return { cookie, bearer: `Bearer ${reply.json.data.token}` }
}

/** Admin API calls with the bearer token. */
export function adminApi(base: string, { bearer }: Credentials) {
  const call = (method: string) => (path: string, body?: unknown, headers: Record<string, string> = {}, options: Call = {}): Promise<Reply> =>
    send(base, method, `/api/admin${path}`, { ...options, headers: { authorization: bearer, ...headers }, body })
  /** `POST /api/admin/media` as a browser sends it: multipart/form-data with `file` and text fields. */
  const upload = async (bytes: Uint8Array, filename: string, fields: Record<string, string> = {}, options: Call = {}): Promise<Reply> => {
    const { body, contentType } = await multipart(bytes, filename, fields)
    return send(base, 'POST', '/api/admin/media', { deadlineMs: 60_000, ...options, headers: { authorization: bearer, 'content-type': contentType }, body })
  }
  return { get: call('GET'), post: call('POST'), patch: call('PATCH'), del: call('DELETE'), upload }
}

/** A multipart/form-data body encoded by the platform's own FormData, with its boundary. */
export async function multipart(bytes: Uint8Array, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData()
  form.append('file', new File([bytes], filename, { type: 'application/octet-stream' }))
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  const encoded = new Request('http://multipart.invalid/', { method: 'POST', body: form })
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type')! }
}
export type AdminApi = ReturnType<typeof adminApi>
