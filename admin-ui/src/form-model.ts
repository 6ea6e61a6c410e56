/**
 * The editor's form as plain strings and flags, and the conversions to and from the
 * API's article: what a create sends, and what a save changes (only the fields that
 * differ from the version loaded, so a PATCH never re-sends what someone else may
 * have changed meanwhile).
 */
import type { AdminArticle, ArticleCreate, ArticlePatch } from '../../schema/api/admin-articles'

/** The cover's library item as far as the form needs it: the thumbnail and the defaults shown as placeholders. */
export interface CoverMedia {
  key: string
  width: number | null
  height: number | null
  alt: string
  caption: string
  credit: string
}

/**
 * The cover: a library photo and this article's own alt text, caption and credit
 * ('' falls back to the photo's defaults). `media` is the item when known (the admin
 * article's `cover_media`, or the one just picked); it is never sent.
 */
export interface CoverForm {
  media_id: number
  alt: string
  caption: string
  credit: string
  media: CoverMedia | null
}

export interface ArticleForm {
  title: string
  slug: string
  /** False while the slug still follows the title (a new article not yet given a slug by hand). */
  slugEdited: boolean
  summary: string
  body_html: string
  /** The select's value: '' for none. */
  category_id: string
  /** Tag names separated by commas, as typed. */
  tags: string
  /** Bylines, in the order ticked. */
  author_ids: number[]
  source: string
  seo_title: string
  seo_description: string
  featured: boolean
  cover: CoverForm | null
}

export const emptyForm = (): ArticleForm => ({
  title: '',
  slug: '',
  slugEdited: false,
  summary: '',
  body_html: '',
  category_id: '',
  tags: '',
  author_ids: [],
  source: '',
  seo_title: '',
  seo_description: '',
  featured: false,
  cover: null,
})

export const formOf = (a: AdminArticle): ArticleForm => ({
  title: a.title,
  slug: a.slug,
  slugEdited: true,
  summary: a.summary,
  body_html: a.body_html,
  category_id: a.category_id === null ? '' : String(a.category_id),
  tags: a.tags.join(', '),
  author_ids: a.author_ids,
  source: a.source ?? '',
  seo_title: a.seo.title ?? '',
  seo_description: a.seo.description ?? '',
  featured: a.featured,
  cover: coverOf(a),
})

/** The admin article's cover, with its library item when the answer carries it (`cover_media`; an older answer may not). */
function coverOf({ cover: c, cover_media: m }: AdminArticle): CoverForm | null {
  if (c === null) return null
  const media = m && m.id === c.media_id ? { key: m.key, width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit } : null
  return { media_id: c.media_id, alt: c.alt ?? '', caption: c.caption ?? '', credit: c.credit ?? '', media }
}

/** "mưa lũ, Đà Nẵng,, " -> ['mưa lũ', 'Đà Nẵng'], without repeats. */
export const parseTags = (text: string) => [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))]

const orNull = (s: string) => (s.trim() === '' ? null : s.trim())

/** Every field in the API's shape, for a create or to compare two forms. */
function fieldsOf(f: ArticleForm) {
  return {
    title: f.title.trim(),
    summary: f.summary.trim(),
    body_html: f.body_html,
    category_id: f.category_id === '' ? null : Number(f.category_id),
    tags: parseTags(f.tags),
    author_ids: f.author_ids,
    source: orNull(f.source),
    seo: { title: orNull(f.seo_title), description: orNull(f.seo_description) },
    featured: f.featured,
    cover: f.cover && { media_id: f.cover.media_id, alt: orNull(f.cover.alt), caption: orNull(f.cover.caption), credit: orNull(f.cover.credit) },
  }
}

/** A new article: the slug only when typed by hand (otherwise the API makes a unique one from the title). */
export function createBody(f: ArticleForm): ArticleCreate {
  return { ...fieldsOf(f), ...(f.slugEdited && f.slug.trim() ? { slug: f.slug.trim() } : {}) }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The fields of `next` that differ from `base`, or null when nothing changed. */
export function patchBody(base: ArticleForm, next: ArticleForm): ArticlePatch | null {
  const before = fieldsOf(base)
  const after = fieldsOf(next)
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (!same(before[key], after[key])) patch[key] = after[key]
  }
  if (next.slug.trim() !== base.slug.trim() && next.slug.trim() !== '') patch.slug = next.slug.trim()
  return Object.keys(patch).length > 0 ? (patch as ArticlePatch) : null
}

export const isDirty = (base: ArticleForm, next: ArticleForm) => patchBody(base, next) !== null
