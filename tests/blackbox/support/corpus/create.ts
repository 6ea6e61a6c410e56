/**
 * Writes a planned newsroom through the admin API as a newsroom's import script
 * would: categories parents first, then authors, then articles a few at a time,
 * each created and then published, scheduled or submitted. Nothing throws: every
 * answer that was not the expected one is kept, as the user saw it, in `failures`.
 */
import { mapLimit } from '../../../../worker/lib/map-limit.ts'
import { seen, type Reply } from '../http.ts'
import type { AdminApi } from '../staff.ts'
import { photoBytes } from './photos.ts'
import { type Fate, type NewsroomPlan, type PlannedArticle } from './plan.ts'

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
  /** Index into the report's photos of the cover, with the article's own caption/alt if any. */
  cover: { photo: number; caption?: string; alt?: string } | null
  /** Indexes into the report's photos of the body's figures. */
  figures: number[]
}

/** A photo as the library stored it, with what was uploaded. */
export interface UploadedPhoto {
  id: number
  key: string
  url: string
  content_type: string
  width: number
  height: number
  bytes: number
  sha256: string
  filename: string
  alt: string
  caption: string
  credit: string
}

export interface NewsroomReport {
  planned: { photos: number; categories: number; authors: number; articles: number }
  categories: { id: number; slug: string; name: string; parent_id: number | null }[]
  authors: { id: number; slug: string; name: string }[]
  /** Indexed as the plan's photos; null where the upload was refused. */
  photos: (UploadedPhoto | null)[]
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

  const photos = await mapLimit(plan.photos, 2, async (p): Promise<UploadedPhoto | null> => {
    const bytes = await photoBytes(p)
    const reply = await api.upload(bytes, p.filename, { alt: p.alt, caption: p.caption, credit: p.credit })
    if (!expect(reply, 201, `uploading photo "${p.filename}" (${bytes.length} bytes)`)) return null
    const sha256 = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex')
    const { id, key, url, content_type, width, height, filename, alt, caption, credit } = reply.json.data
    return { id, key, url, content_type, width, height, bytes: bytes.length, sha256, filename, alt, caption, credit }
  })
  const keyed = (html: string) => html.replace(/\{\{photo:(\d+)\}\}/g, (slot, i: string) => photos[Number(i)]?.key ?? slot)

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
      body_html: keyed(a.body_html),
      category_id: a.category === null ? null : (categoryIds.get(a.category) ?? null),
      tags: a.tags,
      author_ids: a.authors.flatMap((i) => authorIds[i] ?? []),
      source: a.source,
      ...(a.seo ? { seo: a.seo } : {}),
      ...(a.featured_position ? { featured: true, featured_position: a.featured_position } : {}),
      ...(a.cover && photos[a.cover.photo] ? { cover: { media_id: photos[a.cover.photo]!.id, caption: a.cover.caption, alt: a.cover.alt } } : {}),
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
    return { id: data.id, slug: data.slug, title: a.title, status: data.status, version: data.version, fate: a.fate, tags: a.tags, category_id: body.category_id, featured: data.featured, cover: a.cover ?? null, figures: a.figures }
  })

  return {
    planned: { photos: plan.photos.length, categories: plan.categories.length, authors: plan.authors.length, articles: plan.articles.length },
    categories,
    authors: authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
    photos,
    articles: created.filter((a): a is CreatedArticle => a !== null),
    failures,
    ms: Date.now() - started,
  }
}
