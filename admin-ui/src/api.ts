/**
 * The admin API, typed from the worker itself: `hc<AppType>` checks each path,
 * parameter and body against the routes, and each answer's type is the route's own
 * `c.json(...)`, so a renamed field breaks this build rather than an editor's day.
 * Failures become ApiFailure (the error envelope and status); a 401 on anything but
 * sign-in also tells the app that the session has ended.
 */
import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { AppType } from '../../worker/app'
import { ApiFailure } from './api-error'

export { ApiFailure } from './api-error'

const client = hc<AppType>(location.origin, { init: { credentials: 'same-origin' } })
const admin = client.api.admin

let sessionEnded: () => void = () => {}
/** Called when an API call answers 401: the cookie expired or was revoked. */
export const onSessionEnded = (handler: () => void) => {
  sessionEnded = handler
}

type Success<R> = R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatusCode ? T : never) : never

/** The JSON of a successful answer, or throws ApiFailure. */
async function ok<R extends ClientResponse<unknown, number, string>>(call: Promise<R>, { signIn = false } = {}): Promise<Success<R>> {
  let res: R
  try {
    res = await call
  } catch (cause) {
    throw ApiFailure.network(cause)
  }
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as Success<R>
  const failure = await ApiFailure.from(res as unknown as Response)
  if (failure.status === 401 && !signIn) sessionEnded()
  throw failure
}

/** `If-Match` with the version the editor is working from. */
const ifMatch = (version: number) => ({ headers: { 'If-Match': `"${version}"` } })

const articles = admin.articles
const article = articles[':id']
const param = (id: number) => ({ id: String(id) })

export type StaffUser = Success<Awaited<ReturnType<typeof admin.me.$get>>>['data']
export type AdminArticle = Success<Awaited<ReturnType<typeof article.$get>>>['data']
export type ArticleStatus = AdminArticle['status']
export type ArticleCreate = Parameters<typeof articles.$post>[0]['json']
export type ArticlePatch = Parameters<typeof article.$patch>[0]['json']
export type Category = Success<Awaited<ReturnType<typeof admin.categories.$get>>>['data'][number]
export type RevisionSummary = Success<Awaited<ReturnType<typeof article.revisions.$get>>>['data'][number]
export type WorkflowAction = 'submit' | 'publish' | 'unpublish' | 'archive' | 'restore'

export const api = {
  signIn: (email: string, password: string) => ok(admin.session.$post({ json: { email, password } }), { signIn: true }),
  signOut: () => ok(admin.session.$delete()),
  me: () => ok(admin.me.$get()),

  listArticles: (query: { status?: ArticleStatus | undefined; trash?: boolean; cursor?: string | undefined; limit?: number }) =>
    ok(
      articles.$get({
        query: {
          ...(query.status ? { status: query.status } : {}),
          ...(query.trash ? { trash: 'true' as const } : {}),
          ...(query.cursor ? { cursor: query.cursor } : {}),
          limit: String(query.limit ?? 20),
        },
      }),
    ),
  getArticle: (id: number) => ok(article.$get({ param: param(id) })),
  createArticle: (json: ArticleCreate) => ok(articles.$post({ json })),
  updateArticle: (id: number, version: number, json: ArticlePatch) => ok(article.$patch({ param: param(id), json }, ifMatch(version))),
  trashArticle: (id: number, version: number) => ok(article.$delete({ param: param(id) }, ifMatch(version))),

  /** A workflow step (or restore from the trash) from the version the editor sees. */
  workflow: (id: number, action: WorkflowAction, version: number) => ok(article[action].$post({ param: param(id), json: {} }, ifMatch(version))),
  publish: (id: number, version: number) => ok(article.publish.$post({ param: param(id), json: {} }, ifMatch(version))),
  schedule: (id: number, version: number, at: string) => ok(article.schedule.$post({ param: param(id), json: { at } }, ifMatch(version))),

  listRevisions: (id: number, cursor?: string) =>
    ok(article.revisions.$get({ param: param(id), query: cursor ? { cursor } : {} })),
  restoreRevision: (id: number, rev: number, version: number) =>
    ok(article.revisions[':rev'].restore.$post({ param: { ...param(id), rev: String(rev) }, json: {} }, ifMatch(version))),
  previewLink: (id: number) => ok(article['preview-link'].$post({ param: param(id), json: {} })),
  readPreview: (token: string) => ok(client.api.v1.preview[':token'].$get({ param: { token } })),

  listCategories: () => ok(admin.categories.$get()),
}

