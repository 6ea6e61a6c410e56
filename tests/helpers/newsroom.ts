/**
 * A newsroom for the feed and sitemap tests, written through the admin API as an
 * editor would: categories, authors, articles created then published (optionally
 * back-dated with `published_at`), unpublished or trashed.
 *
 * @example
 * const room = await newsroom()
 * const a = await room.publish({ title: 'Đà Nẵng', category_id: room.category('Thời sự') })
 */
import { staffClient, type StaffClient } from './admin-api'

export interface Published {
  id: number
  slug: string
  title: string
}

/** Fails the test with the answer's body when a setup call did not succeed. */
function ok<T>(res: { status: number; body: { data: T } }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.data
}

export async function newsroom(editor?: StaffClient) {
  const ed = editor ?? (await staffClient('editor'))
  return {
    editor: ed,
    async category(name: string) {
      return ok<{ id: number; slug: string }>(await ed.post('/categories', { name }), `category ${name}`)
    },
    async author(name: string) {
      return ok<{ id: number; slug: string }>(await ed.post('/authors', { name }), `author ${name}`)
    },
    /** Creates and publishes; `published_at` back-dates it (the publish action's optional field). */
    async publish(body: Record<string, unknown> & { title: string }, published_at?: string): Promise<Published> {
      const draft = await this.draft(body)
      ok(await ed.post(`/articles/${draft.id}/publish`, published_at ? { published_at } : {}), `publish ${body.title}`)
      return draft
    },
    async draft(body: Record<string, unknown> & { title: string }): Promise<Published> {
      const a = ok<Published & { version: number }>(await ed.post('/articles', body), `create ${body.title}`)
      return { id: a.id, slug: a.slug, title: a.title }
    },
    async unpublish(id: number) {
      const current = ok<{ version: number }>(await ed.get(`/articles/${id}`), 'read')
      ok(await ed.post(`/articles/${id}/unpublish`, {}, current.version), `unpublish ${id}`)
    },
    async trash(id: number) {
      const current = ok<{ version: number }>(await ed.get(`/articles/${id}`), 'read')
      const res = await ed.del(`/articles/${id}`, undefined, current.version)
      if (res.status >= 300) throw new Error(`trash ${id}: ${res.status} ${JSON.stringify(res.body)}`)
    },
    async schedule(id: number, at: string) {
      ok(await ed.post(`/articles/${id}/schedule`, { at }), `schedule ${id}`)
    },
  }
}
