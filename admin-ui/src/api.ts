/**
 * The admin API, typed from the worker itself: `hc<AppType>` checks each path,
 * parameter, header and body against the routes, and each answer's type is the
 * route's own `c.json(...)`, so a renamed field breaks this build rather than an
 * editor's day. Failures become ApiFailure (the error envelope and status); a 401 on
 * anything but sign-in also tells the app that the session has ended.
 */
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { InferOutput } from 'valibot'
import type { AdminAuthor, AdminCategory } from '../../schema/api/admin-taxonomies'
import type { AppType } from '../../worker/app'
import { ApiFailure } from './api-error'
import { withBookmark } from './d1-bookmark'

export { ApiFailure } from './api-error'

/** Every call carries the editor's newest D1 bookmark, so reads see their own writes (d1-bookmark.ts). */
export const send = withBookmark()
const client = hc<AppType>(location.origin, { init: { credentials: 'same-origin' }, fetch: send })
/** The typed admin API client, for modules beside this one (api-keys-api.ts). */
export const admin = client.api.admin
const articles = admin.articles
const article = articles[':id']

let sessionEnded: () => void = () => {}
/** Called when an API call answers 401: the cookie expired or was revoked. */
export const onSessionEnded = (handler: () => void) => {
  sessionEnded = handler
}

export type Success<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatusCode ? T : never) : never

/** The JSON of a successful answer, or throws ApiFailure. */
export async function ok<R extends ClientResponse<unknown, number, string>>(call: Promise<R>, { signIn = false } = {}): Promise<Success<R>> {
  let res: R
  try {
    res = await call
  } catch (cause) {
    throw ApiFailure.network(cause)
  }
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as Success<R>
  throw await failureOf(res as unknown as Response, { signIn })
}

/** The ApiFailure of an answer that is not a success; a 401 (but on sign-in) also ends the session. */
export async function failureOf(res: Response, { signIn = false } = {}): Promise<ApiFailure> {
  const failure = await ApiFailure.from(res)
  if (failure.status === 401 && !signIn) sessionEnded()
  return failure
}

/** The id path parameter, and `If-Match` with the version the editor is working from. */
const at = (id: number, version?: number) => ({
  param: { id: String(id) },
  header: version === undefined ? {} : { 'if-match': `"${version}"` },
})

export type StaffUser = Success<Awaited<ReturnType<typeof admin.me.$get>>>['data']
type ArticleEnvelope = Success<Awaited<ReturnType<typeof article.$get>>>
export type AdminArticle = ArticleEnvelope['data']
export type ArticleStatus = AdminArticle['status']
export type ArticleCreate = Parameters<typeof articles.$post>[0]['json']
export type ArticlePatch = Parameters<typeof article.$patch>[0]['json']
export type RevisionSummary = Success<Awaited<ReturnType<typeof article.revisions.$get>>>['data'][number]
/** Categories and authors come from a generic route factory whose answer type hc cannot see; the schemas name them. */
export type Category = InferOutput<typeof AdminCategory>
export type Author = InferOutput<typeof AdminAuthor>
export type Transition = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive'

/**
 * The five workflow transitions are registered in a loop on the worker side, which
 * hides them from AppType; they answer the same envelope as GET /articles/{id}.
 */
function transition(id: number, action: Transition, version: number, body: { at?: string } = {}) {
  const call = send(`/api/admin/articles/${id}/${action}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify(body),
  })
  return ok(call as Promise<ClientResponse<ArticleEnvelope, 200, 'json'>>)
}

export const api = {
  signIn: (email: string, password: string) => ok(admin.session.$post({ json: { email, password } }), { signIn: true }),
  signOut: () => ok(admin.session.$delete()),
  me: () => ok(admin.me.$get()),

  listArticles: (q: { status?: ArticleStatus | undefined; trash?: boolean; cursor?: string | undefined; limit?: number }) =>
    ok(
      articles.$get({
        query: {
          ...(q.status ? { status: q.status } : {}),
          ...(q.trash ? { trash: 'true' as const } : {}),
          ...(q.cursor ? { cursor: q.cursor } : {}),
          limit: String(q.limit ?? 20),
        },
      }),
    ),
  getArticle: (id: number) => ok(article.$get({ ...at(id), query: {} })),
  createArticle: (json: ArticleCreate) => ok(articles.$post({ json })),
  updateArticle: (id: number, version: number, json: ArticlePatch) => ok(article.$patch({ ...at(id, version), json })),
  trashArticle: (id: number, version: number) => ok(article.$delete(at(id, version))),
  restoreFromTrash: (id: number, version: number) => ok(article.restore.$post({ ...at(id, version), json: {} })),
  transition,

  listRevisions: (id: number, cursor?: string) => ok(article.revisions.$get({ ...at(id), query: cursor ? { cursor } : {} })),
  restoreRevision: (id: number, rev: number, version: number) =>
    ok(article.revisions[':rev'].restore.$post({ ...at(id, version), param: { id: String(id), rev: String(rev) }, json: {} })),
  getRevision: (id: number, rev: number) => ok(article.revisions[':rev'].$get({ param: { id: String(id), rev: String(rev) }, query: {} })),
  /** The editor's heartbeat (every 30 s): answers who else has the article open. */
  presence: (id: number) => ok(article.presence.$post({ ...at(id), json: {} })),
  /** The editor closed: best effort, survives the page unloading (keepalive), never reports. */
  leave: (id: number) => void send(`/api/admin/articles/${id}/presence`, { method: 'DELETE', credentials: 'same-origin', keepalive: true }).catch(() => {}),
  /** Whether the public API shows the article, i.e. it is published (no session needed). */
  isPublic: async (id: number) => (await fetch(`/api/v1/articles/${id}`, { credentials: 'omit' }).catch(() => null))?.ok === true,
  previewLink: (id: number) => ok(article['preview-link'].$post({ ...at(id), json: {} })),
  readPreview: (token: string) => ok(client.api.v1.preview[':token'].$get({ param: { token } })),

  listCategories: () => ok(admin.categories.$get()) as Promise<{ data: Category[] }>,
  /** The first hundred bylines, in name order: enough for a newsroom's picker. */
  listAuthors: () => ok(admin.authors.$get({ query: { limit: '100' } })) as Promise<{ data: Author[]; next_cursor: string | null }>,
}
