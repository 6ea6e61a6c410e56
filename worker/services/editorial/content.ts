import type { ArticleCreate, ArticlePatch } from '../../../schema/api/admin-articles'
import { MAX_BODY_HTML_BYTES } from '../../../schema/api/admin-articles'
import { ApiError } from '../../lib/errors'
import { sanitizeArticleHtml, type ImagePolicy } from '../../lib/html/sanitize'
import { countWords, htmlToText } from '../../lib/html/text'
import { toSlug } from '../../lib/slug'
import { viSortKey } from '../../lib/vi-collate'
import { titlePairsJson } from '../../lib/title-pairs'

/**
 * Everything an editor can change about an article, normalized. It is what a
 * revision stores and what a restore puts back.
 */
export interface ArticleContent {
  title: string
  summary: string
  body_html: string
  category_id: number | null
  tags: string[]
  author_ids: number[]
  source: string | null
  cover: { media_id: number; alt: string | null; caption: string | null; credit: string | null } | null
  seo: { title: string | null; description: string | null }
  canonical_url: string | null
  slug: string
  featured: boolean
  featured_position: number
  language: string
}

/** Tag names deduplicated by their slug, in the editor's order. */
export function normalizeTags(names: string[]): { name: string; slug: string }[] {
  const seen = new Map<string, string>()
  names.forEach((raw, i) => {
    const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim()
    const slug = toSlug(name)
    if (!slug) throw new ApiError(400, 'validation_failed', 'Invalid body', [{ path: `json.tags.${i}`, message: 'needs at least one letter or digit' }])
    if (!seen.has(slug)) seen.set(slug, name)
  })
  return [...seen].map(([slug, name]) => ({ name, slug }))
}

const blankToNull = (s: string | null | undefined) => (s ? s : null)

/** The sanitized body, or a 400 when it is over MAX_BODY_HTML_BYTES (see there). */
export function boundedBody(html: string): string {
  const bytes = new TextEncoder().encode(html).length
  if (bytes <= MAX_BODY_HTML_BYTES) return html
  throw new ApiError(400, 'validation_failed', 'Invalid body', [
    { path: 'json.body_html', message: `is ${bytes} bytes once cleaned; it must be at most ${MAX_BODY_HTML_BYTES} bytes (UTF-8)` },
  ])
}

/** The body as stored: sanitized with the site's image policy, within the size bound. */
export const cleanBody = (html: string, images: ImagePolicy) => boundedBody(sanitizeArticleHtml(html.normalize('NFC'), images))

/**
 * The content after applying a create body or a patch to `base`. Keys the body
 * leaves out keep their value; the slug is resolved by the caller, library images
 * are described by article-media.ts.
 */
export function applyInput(base: ArticleContent, input: ArticleCreate | ArticlePatch, images: ImagePolicy): ArticleContent {
  const next: ArticleContent = { ...base, seo: { ...base.seo } }
  if (input.title !== undefined) next.title = input.title.normalize('NFC')
  if (input.summary !== undefined) next.summary = input.summary.normalize('NFC')
  if (input.body_html !== undefined) next.body_html = cleanBody(input.body_html, images)
  if (input.category_id !== undefined) next.category_id = input.category_id
  if (input.tags !== undefined) next.tags = normalizeTags(input.tags).map((t) => t.name)
  if (input.author_ids !== undefined) next.author_ids = [...new Set(input.author_ids)]
  if (input.source !== undefined) next.source = blankToNull(input.source)
  if (input.cover !== undefined) {
    next.cover = input.cover && {
      media_id: input.cover.media_id,
      alt: input.cover.alt ?? null,
      caption: input.cover.caption ?? null,
      credit: input.cover.credit ?? null,
    }
  }
  if (input.seo?.title !== undefined) next.seo.title = blankToNull(input.seo.title)
  if (input.seo?.description !== undefined) next.seo.description = blankToNull(input.seo.description)
  if (input.canonical_url !== undefined) next.canonical_url = blankToNull(input.canonical_url)
  if (input.slug !== undefined) next.slug = input.slug
  if (input.featured !== undefined) next.featured = input.featured
  if (input.featured_position !== undefined) next.featured_position = input.featured_position
  if (input.language !== undefined) next.language = input.language
  return next
}

/** A new article's content before its body is applied. */
export const emptyContent = (language: string): ArticleContent => ({
  title: '',
  summary: '',
  body_html: '',
  category_id: null,
  tags: [],
  author_ids: [],
  source: null,
  cover: null,
  seo: { title: null, description: null },
  canonical_url: null,
  slug: '',
  featured: false,
  featured_position: 0,
  language,
})

/** The article columns that hold `content`, with the derived ones (sort key, title pairs, plain text, word count). */
export function contentColumns(c: ArticleContent) {
  const text = htmlToText(c.body_html)
  return {
    slug: c.slug,
    title: c.title,
    title_sort: viSortKey(c.title),
    title_pairs: titlePairsJson(c.title),
    summary: c.summary,
    body_html: c.body_html,
    body_text: text,
    word_count: countWords(text),
    category_id: c.category_id,
    source: c.source,
    cover_media_id: c.cover?.media_id ?? null,
    cover_alt: c.cover?.alt ?? null,
    cover_caption: c.cover?.caption ?? null,
    cover_credit: c.cover?.credit ?? null,
    seo_title: c.seo.title,
    seo_description: c.seo.description,
    canonical_url: c.canonical_url,
    featured: c.featured ? (1 as const) : (0 as const),
    featured_position: c.featured_position,
    language: c.language,
  }
}
