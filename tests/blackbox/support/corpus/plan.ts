/**
 * The newsroom the black-box suite writes through the admin API: nested
 * categories, authors with long names, and articles whose headlines, sapos, bodies,
 * tag lists and author lists span everything the API accepts, published (mostly,
 * backdated over the years), scheduled, in review or left as drafts.
 * Deterministic: the same seed and clock give the same newsroom.
 */
import { AUTHOR_NAMES, CATEGORIES, rng, SOURCES, TAG_WORDS, type Rng } from '../../../../bench/corpus.mjs'
import type { Limits } from './limits.ts'
import { photoPlan, type PlannedPhoto } from './photos.ts'
import { bodyHtml, fitTo, headline, prose } from './text.ts'

/** The headline of issue 8: its slug is longer than D1's LIKE pattern limit. */
export const ISSUE_HEADLINE = 'Thừa Thiên Huế: Hội nghị tổng kết công tác phòng chống thiên tai và tìm kiếm cứu nạn năm 2025'

export type Fate = 'published' | 'scheduled' | 'review' | 'draft'

export interface PlannedCategory {
  name: string
  parent: string | null
  description: string
}

export interface PlannedArticle {
  title: string
  summary: string
  body_html: string
  /** A planned category's name, or null. */
  category: string | null
  tags: string[]
  /** Indexes into the plan's authors. */
  authors: number[]
  source: string | null
  seo?: { title: string; description: string }
  featured_position?: number
  fate: Fate
  /** Published: when (past); scheduled: when it goes live (future). */
  at?: string
  /** A planned photo as the cover, with the article's own caption when the desk wrote one. */
  cover?: { photo: number; caption?: string; alt?: string }
  /** Planned photos placed in the body as captioned figures (`/media/{{photo:N}}` until uploaded). */
  figures: number[]
}

export interface NewsroomPlan {
  photos: PlannedPhoto[]
  categories: PlannedCategory[]
  authors: { name: string; bio: string }[]
  articles: PlannedArticle[]
}

const SUBCATEGORIES: Record<string, string[]> = { 'Giao thông': ['Đường sắt tốc độ cao', 'Hàng không'], 'Bóng đá': ['Bóng đá Việt Nam', 'Bóng đá quốc tế'] }
const DESKS = ['Phóng viên thường trú tại Thừa Thiên Huế', 'Ban Thời sự – Chính trị', 'Cộng tác viên khu vực Đồng bằng sông Cửu Long', 'Biên tập viên Ban Kinh tế']
const LONG_TAGS = ['Phòng chống thiên tai và tìm kiếm cứu nạn', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới', 'Đà nẵng', 'TP. Hồ Chí Minh']

function categories(r: Rng): PlannedCategory[] {
  const out: PlannedCategory[] = []
  const add = (name: string, parent: string | null) => out.push({ name, parent, description: prose(r, 80).slice(0, 300) })
  for (const [name, children] of CATEGORIES) {
    add(name, null)
    for (const child of children) {
      add(child, name)
      for (const grandchild of SUBCATEGORIES[child] ?? []) add(grandchild, child)
    }
  }
  return out
}

function authors(r: Rng, limits: Limits) {
  const names = AUTHOR_NAMES.map((name, i) => (i % 2 ? `${name} (${r.pick(DESKS)})` : name))
  names.push(fitTo(`Tôn Nữ Thị Hoàng Phương Thảo (${DESKS[0]}, ${DESKS[2]})`, limits.authorName))
  return names.map((name) => ({ name: name.slice(0, limits.authorName), bio: prose(r, r.int(0, 400)) }))
}

/** 60% short (40–120), 30% long (120–200), 10% very long (200–250). */
const headlineLength = (r: Rng) => (r.next() < 0.6 ? r.int(40, 120) : r.next() < 0.75 ? r.int(120, 200) : r.int(200, 250))

/** Most bodies are a few thousand characters; one in twenty is near the limit. */
const bodyLength = (r: Rng, max: number) => {
  const roll = r.next()
  return roll < 0.85 ? r.int(1_500, 12_000) : roll < 0.95 ? r.int(12_000, 80_000) : r.int(80_000, max)
}

/** Tags as an editor types them, none twice (case aside), at most `max`. */
function distinct(tags: string[], max: number): string[] {
  const byKey = new Map(tags.map((t) => [t.toLocaleLowerCase('vi'), t] as const))
  return [...byKey.values()].slice(0, max)
}

/** None for one article in ten, a handful for most, up to the maximum for a few. */
function tagList(r: Rng, max: number, maxName: number): string[] {
  const roll = r.next()
  const count = roll < 0.1 ? 0 : roll < 0.8 ? r.int(1, 6) : roll < 0.95 ? r.int(7, 15) : r.int(16, max)
  const pool = [...TAG_WORDS, ...LONG_TAGS, fitTo(LONG_TAGS[1]!.repeat(2), maxName)]
  let tags: string[] = []
  while (tags.length < count) tags = distinct([...tags, r.pick(pool)], count)
  return tags
}

const fate = (r: Rng): Fate => {
  const roll = r.next()
  return roll < 0.72 ? 'published' : roll < 0.82 ? 'scheduled' : roll < 0.9 ? 'review' : 'draft'
}

const DAY = 86_400_000
const SINCE = Date.parse('2017-01-01T00:00:00Z')

function article(r: Rng, limits: Limits, names: string[], authorCount: number, now: number, title: string): PlannedArticle {
  const f = fate(r)
  const a: PlannedArticle = {
    title,
    summary: fitTo(prose(r, limits.summary), r.int(120, limits.summary)),
    body_html: bodyHtml(r, bodyLength(r, limits.body)),
    category: r.next() < 0.9 ? r.pick(names) : null,
    tags: tagList(r, limits.tags, limits.tagName),
    authors: [...new Set(Array.from({ length: r.int(0, 3) }, () => r.int(0, authorCount - 1)))],
    source: r.pick(SOURCES),
    fate: f,
    figures: [],
  }
  if (r.next() < 0.5) a.seo = { title: fitTo(title, Math.min(title.length, 200)), description: a.summary.slice(0, 500).trim() }
  if (f === 'published') a.at = new Date(SINCE + Math.floor(r.next() * (now - DAY - SINCE))).toISOString()
  if (f === 'scheduled') a.at = new Date(now + r.int(1, 60) * DAY + r.int(0, 86_399) * 1000).toISOString()
  return a
}

/** The placeholder of a planned photo's key in a planned body; the writer puts the uploaded key there. */
export const photoSlot = (photo: number) => `{{photo:${photo}}}`

/** Room a figure may take: an article body this close to the limit gets none. */
const FIGURE_ROOM = 4_000

/** Inserts a captioned figure of `photo` after a random block of the body. */
function withFigure(r: Rng, html: string, photo: PlannedPhoto, index: number, caption = photo.caption): string {
  const blocks = html.split('\n')
  const at = r.int(1, Math.max(1, blocks.length - 1))
  const figure = `<figure><img src="/media/${photoSlot(index)}" alt=""><figcaption>${caption} ${photo.credit}</figcaption></figure>`
  return [...blocks.slice(0, at), figure, ...blocks.slice(at)].join('\n')
}

/**
 * Most stories get a cover (a third with the desk's own caption for this story);
 * one in four carries one to three figures in its body. The first article (issue
 * 8's headline) carries the aerial shot whose caption word ("flycam") is in no
 * article text, so search can be shown to index captions.
 */
function illustrate(r: Rng, articles: PlannedArticle[], photos: PlannedPhoto[], limits: Limits) {
  articles.forEach((a, i) => {
    if (i === 0 || r.next() < 0.75) {
      const photo = i === 0 ? 0 : r.int(0, photos.length - 1)
      a.cover = { photo, ...(r.next() < 0.33 ? { caption: `Ảnh minh họa cho bài: ${a.title.slice(0, 60).trim()}`, alt: `Ảnh bìa: ${a.title.slice(0, 40).trim()}` } : {}) }
    }
    if (a.body_html.length > limits.body - FIGURE_ROOM) return
    if (i === 0) {
      a.figures = [3]
      a.body_html = withFigure(r, a.body_html, photos[3]!, 3, 'Ảnh flycam: toàn cảnh khu vực sạt lở ở huyện Phong Điền.')
      return
    }
    if (r.next() < 0.25) {
      a.figures = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.int(1, photos.length - 1)))]
      for (const f of a.figures) a.body_html = withFigure(r, a.body_html, photos[f]!, f)
    }
  })
}

/** `count` articles; the first few pin the edges (issue 8's headline and its duplicates, every maximum, both headline extremes). */
export function newsroomPlan({ seed = 8, count = 220, limits, now = Date.now() }: { seed?: number; count?: number; limits: Limits; now?: number }): NewsroomPlan {
  const r = rng(seed)
  const cats = categories(r)
  const people = authors(r, limits)
  const names = cats.map((c) => c.name)
  const articles = Array.from({ length: count }, (_, i) => article(r, limits, names, people.length, now, headline(r, headlineLength(r))))
  const [issue, widest, shortest] = articles as [PlannedArticle, PlannedArticle, PlannedArticle]
  issue.title = ISSUE_HEADLINE
  widest.title = headline(r, 250)
  widest.body_html = bodyHtml(r, limits.body)
  widest.tags = distinct([...widest.tags, ...TAG_WORDS], limits.tags)
  widest.authors = Array.from({ length: limits.authors }, (_, i) => i)
  shortest.title = headline(r, 40)
  shortest.summary = fitTo(prose(r, limits.summary + 40), limits.summary)
  // The same headline again, later and typed on a keyboard that sends decomposed accents: new slugs, -2 and -3.
  const again = [articles[count >> 1]!, articles[count - 1]!]
  again[0]!.title = ISSUE_HEADLINE
  again[1]!.title = ISSUE_HEADLINE.normalize('NFD')
  for (const a of [issue, widest, shortest, ...again]) {
    a.fate = 'published'
    a.at = new Date(now - DAY).toISOString()
  }
  articles.filter((a) => a.fate === 'published').slice(0, 6).forEach((a, i) => (a.featured_position = i + 1))
  const photos = photoPlan(r)
  illustrate(r, articles, photos, limits)
  return { photos, categories: cats, authors: people, articles }
}
