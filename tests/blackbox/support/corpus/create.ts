/**
 * Writes a planned newsroom through the admin API as a newsroom's import script
 * would: categories parents first, then authors, then articles a few at a time,
 * each created and then published, scheduled or submitted. Nothing throws: every
 * answer that was not the expected one is kept, as the user saw it, in `failures`.
 */
import { mapLimit } from '../../../../worker/lib/map-limit.ts'
import { seen, type Reply } from '../http.ts'
import type { AdminApi } from '../staff.ts'
import type { Fate, NewsroomPlan, PlannedArticle } from './plan.ts'

export interface CreatedArticle {
  id: number
  slug: string
  title: string
  status: string
  version: number
  fate: Fate
  tags: string[]
  category_id: number | null
  featured: boolean
}

export interface NewsroomReport {
  planned: { categories: number; authors: number; articles: number }
  categories: { id: number; slug: string; name: string; parent_id: number | null }[]
  authors: { id: number; slug: string; name: string }[]
  articles: CreatedArticle[]
  /** One line per answer that was not the expected one: what the user saw. */
  failures: string[]
  ms: number
}

const STEP: Record<Fate, ((a: PlannedArticle) => [string, object]) | null> = {
  published: (a) => ['publish', { published_at: a.at }],
  scheduled: (a) => ['schedule', { at: a.at }],
  review: () => ['submit', {}],
  draft: null,
}

export async function createNewsroom(api: AdminApi, plan: NewsroomPlan, concurrency = 6): Promise<NewsroomReport> {
  const started = Date.now()
  const failures: string[] = []
  const expect = (reply: Reply, status: number, what: string) => {
    if (reply.status === status) return true
    failures.push(`${what}: ${seen(reply)}`)
    return false
  }

  const categoryIds = new Map<string, number>()
  const categories: NewsroomReport['categories'] = []
  for (const c of plan.categories) {
    const parent_id = c.parent === null ? null : (categoryIds.get(c.parent) ?? null)
    const reply = await api.post('/categories', { name: c.name, description: c.description, parent_id })
    if (!expect(reply, 201, `category "${c.name}"`)) continue
    categoryIds.set(c.name, reply.json.data.id)
    categories.push({ id: reply.json.data.id, slug: reply.json.data.slug, name: c.name, parent_id })
  }

  const authorReplies = await mapLimit(plan.authors, concurrency, (a) => api.post('/authors', a))
  const authors = authorReplies.flatMap((reply, i) => (expect(reply, 201, `author "${plan.authors[i]!.name}"`) ? [reply.json.data] : []))
  const authorIds = authorReplies.map((reply) => (reply.status === 201 ? (reply.json.data.id as number) : null))

  const created = await mapLimit(plan.articles, concurrency, async (a): Promise<CreatedArticle | null> => {
    const body = {
      title: a.title,
      summary: a.summary,
      body_html: a.body_html,
      category_id: a.category === null ? null : (categoryIds.get(a.category) ?? null),
      tags: a.tags,
      author_ids: a.authors.flatMap((i) => authorIds[i] ?? []),
      source: a.source,
      ...(a.seo ? { seo: a.seo } : {}),
      ...(a.featured_position ? { featured: true, featured_position: a.featured_position } : {}),
    }
    const what = `article "${a.title.slice(0, 80)}"`
    const reply = await api.post('/articles', body)
    if (!expect(reply, 201, `creating ${what}`)) return null
    let data = reply.json.data
    const step = STEP[a.fate]?.(a)
    if (step) {
      const moved = await api.post(`/articles/${data.id}/${step[0]}`, step[1], { 'if-match': `"${data.version}"` })
      if (expect(moved, 200, `${step[0]} ${what}`)) data = moved.json.data
    }
    return { id: data.id, slug: data.slug, title: a.title, status: data.status, version: data.version, fate: a.fate, tags: a.tags, category_id: body.category_id, featured: data.featured }
  })

  return {
    planned: { categories: plan.categories.length, authors: plan.authors.length, articles: plan.articles.length },
    categories,
    authors: authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
    articles: created.filter((a): a is CreatedArticle => a !== null),
    failures,
    ms: Date.now() - started,
  }
}
