/**
 * Who has an article open in the editor: a heartbeat, not a lock. Each open editor
 * writes one KV key of its own, `presence:v1:{article}:{user}`, every 30 s with a
 * 70 s TTL (KV's minimum is 60 s), so nobody writes a key more than once a second
 * and a closed tab simply expires: nothing can strand an article. The key carries
 * the name and time as metadata, so a single `list({ prefix })` answers "who else
 * is here" without a read per key. KV listings are eventually consistent (up to
 * about a minute between locations): a notice, never a guarantee (docs/limits.md).
 */
export const PRESENCE_TTL_SECONDS = 70
const PREFIX = 'presence:v1:'

export interface Presence {
  user_id: number
  name: string
  /** When that editor's last heartbeat arrived (ISO, UTC). */
  at: string
}

interface Meta {
  name: string
  at: string
}

const articlePrefix = (articleId: number) => `${PREFIX}${articleId}:`

/** Records that `user` has the article open now and returns the other editors present. */
export async function heartbeat(kv: KVNamespace, articleId: number, user: { id: number; name: string }, now = new Date()): Promise<Presence[]> {
  const meta: Meta = { name: user.name, at: now.toISOString() }
  const [, others] = await Promise.all([
    kv.put(`${articlePrefix(articleId)}${user.id}`, '', { expirationTtl: PRESENCE_TTL_SECONDS, metadata: meta }),
    present(kv, articleId, user.id, now),
  ])
  return others
}

/** The editor closed the article: forget them at once instead of after the TTL. */
export const leave = (kv: KVNamespace, articleId: number, userId: number) => kv.delete(`${articlePrefix(articleId)}${userId}`)

/** Everyone but `exceptUser` whose heartbeat is younger than the TTL (a listing may lag an expiry). */
export async function present(kv: KVNamespace, articleId: number, exceptUser: number, now = new Date()): Promise<Presence[]> {
  const prefix = articlePrefix(articleId)
  const listing = await kv.list<Meta>({ prefix, limit: 100 })
  const fresh = now.getTime() - PRESENCE_TTL_SECONDS * 1000
  return listing.keys
    .map((k) => ({ user_id: Number(k.name.slice(prefix.length)), name: k.metadata?.name ?? '', at: k.metadata?.at ?? '' }))
    .filter((p) => p.user_id !== exceptUser && Number.isSafeInteger(p.user_id) && Date.parse(p.at) > fresh)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
}
