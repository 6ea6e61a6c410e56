/**
 * Test fixtures written straight to the real local D1 of a test file (no platform
 * mocks). They fill the same columns the admin API fills, so public reads see what
 * they would see in production.
 */
import { env } from 'cloudflare:test'
import type { Insertable } from 'kysely'
import { createDb } from '../../worker/db/client'
import { toSlug } from '../../worker/lib/slug'
import { titlePairsJson } from '../../worker/lib/title-pairs'
import { viSortKey } from '../../worker/lib/vi-collate'
import type { ArticleStatus, ArticlesTable } from '../../schema/database'

export const db = () => createDb(env.DB)
const now = () => new Date().toISOString()

export async function createCategory(name: string, opts: { slug?: string; parentId?: number; position?: number } = {}) {
  return db()
    .insertInto('categories')
    .values({
      slug: opts.slug ?? toSlug(name),
      name,
      name_sort: viSortKey(name),
      parent_id: opts.parentId ?? null,
      position: opts.position ?? 0,
      created_at: now(),
      updated_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createTag(name: string) {
  const slug = toSlug(name)
  const existing = await db().selectFrom('tags').selectAll().where('slug', '=', slug).executeTakeFirst()
  if (existing) return existing
  return db()
    .insertInto('tags')
    .values({ slug, name, name_sort: viSortKey(name), created_at: now(), updated_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function createAuthor(name: string, bio = '') {
  return db()
    .insertInto('authors')
    .values({ slug: toSlug(name), name, name_sort: viSortKey(name), bio, avatar_url: null, user_id: null, created_at: now(), updated_at: now() })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export interface ArticleFixture {
  title: string
  slug?: string
  summary?: string
  paragraphs?: string[]
  status?: ArticleStatus
  publishedAt?: string
  updatedAt?: string
  scheduledAt?: string
  categoryId?: number | null
  tags?: string[]
  authorIds?: number[]
  source?: string
  featured?: boolean
  featuredPosition?: number
  deleted?: boolean
  extra?: Partial<Insertable<ArticlesTable>>
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export async function createArticle(f: ArticleFixture) {
  const status = f.status ?? 'published'
  const paragraphs = f.paragraphs ?? [`${f.title}. Nội dung bài viết.`]
  const bodyText = paragraphs.join('\n\n')
  const publishedAt = f.publishedAt ? new Date(f.publishedAt).toISOString() : status === 'published' ? now() : null
  const article = await db()
    .insertInto('articles')
    .values({
      slug: f.slug ?? toSlug(f.title),
      title: f.title,
      title_sort: viSortKey(f.title),
      title_pairs: titlePairsJson(f.title),
      summary: f.summary ?? `Tóm tắt: ${f.title}`,
      body_html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
      body_text: bodyText,
      word_count: bodyText.split(/\s+/).filter(Boolean).length,
      cover_media_id: null,
      cover_alt: null,
      cover_caption: null,
      cover_credit: null,
      category_id: f.categoryId ?? null,
      source: f.source ?? 'TTXVN',
      status,
      published_at: publishedAt,
      scheduled_at: f.scheduledAt ? new Date(f.scheduledAt).toISOString() : null,
      seo_title: null,
      seo_description: null,
      canonical_url: null,
      featured: f.featured ? 1 : 0,
      featured_position: f.featuredPosition ?? 0,
      created_by: null,
      created_at: now(),
      updated_at: f.updatedAt ? new Date(f.updatedAt).toISOString() : now(),
      deleted_at: f.deleted ? now() : null,
      ...f.extra,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const tags = await Promise.all((f.tags ?? []).map(createTag))
  if (tags.length) {
    await db()
      .insertInto('article_tags')
      .values(tags.map((t, position) => ({ article_id: article.id, tag_id: t.id, position })))
      .execute()
  }
  if (f.authorIds?.length) {
    await db()
      .insertInto('article_authors')
      .values(f.authorIds.map((author_id, position) => ({ article_id: article.id, author_id, position })))
      .execute()
  }
  return article
}

/** Fetches a path on the worker under test and parses its JSON body. */
export async function getJson<T = any>(path: string, init?: RequestInit) {
  const { SELF } = await import('cloudflare:test')
  const res = await SELF.fetch(`http://127.0.0.1:8787${path}`, { redirect: 'manual', ...init })
  const text = await res.text()
  let body: T
  try {
    body = JSON.parse(text) as T
  } catch {
    throw new Error(`Expected JSON from ${path}, got ${res.status}: ${text.slice(0, 200)}`)
  }
  return { res, status: res.status, body }
}
