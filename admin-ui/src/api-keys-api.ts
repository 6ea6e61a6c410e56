/**
 * Partner API keys (docs/partners.md), typed from the worker through hc like api.ts;
 * revoking is registered in a loop on the worker side (DELETE and POST …/revoke),
 * which hides it from AppType, so it goes through `send`.
 */
import { admin, ApiFailure, failureOf, ok, send, type Success } from './api'

const keys = admin['api-keys']
const key = keys[':id']

export type ApiKey = Success<Awaited<ReturnType<typeof keys.$get>>>['data'][number]
export type ApiKeyDetail = Success<Awaited<ReturnType<typeof key.$get>>>['data']
export type ApiKeyCreate = Parameters<typeof keys.$post>[0]['json']

async function revoke(id: number): Promise<void> {
  let res: Response
  try {
    res = await send(`/api/admin/api-keys/${id}`, { method: 'DELETE', credentials: 'same-origin' })
  } catch (cause) {
    throw ApiFailure.network(cause)
  }
  if (!res.ok) throw await failureOf(res)
}

export const apiKeysApi = {
  list: () => ok(keys.$get({ query: { limit: '100' } })),
  get: (id: number) => ok(key.$get({ param: { id: String(id) } })),
  create: (json: ApiKeyCreate) => ok(keys.$post({ json })),
  revoke,
}
