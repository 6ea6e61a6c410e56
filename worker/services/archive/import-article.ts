import { sql, type Compilable } from 'kysely'
import type { ImportArticle } from '../../../schema/api/admin-archive'
import type { Db } from '../../db/client'
import { rawStatement } from '../../db/guard'
import { describeLibraryImages, libraryKeys, type LibraryImage } from '../../lib/html/library-images'
import type { ImagePolicy } from '../../lib/html/image-policy'
import { sha256Hex } from '../../lib/hex'
import { toUtcIso } from '../../lib/time'
import type { Actor } from '../editorial/actor'
import { applyInput, boundedBody, contentColumns, emptyContent, type ArticleContent } from '../editorial/content'
import { setAuthorsStatements, setTagsStatements } from '../editorial/links'
import { setCoverUsageStatements, setInlineUsageStatements } from '../editorial/media-usage'
import { snapshotJson } from '../editorial/revision-snapshot'
import { oldPath } from './old-path'
import { authorsOf, categoryOf, type Existing, type ImportRefs } from './import-refs'

/** A line turned into content (sanitized body), before its references are known. */
export interface Drafted {
  line: ImportArticle
  content: ArticleContent
  keys: string[]
  paths: string[]
  hash: string
}

/** The line's content with a sanitized body, its library keys and its normalized old URLs. */
export async function draftLine(line: ImportArticle, images: ImagePolicy, language: string): Promise<Drafted> {
  const content = applyInput(emptyContent(language), {
    title: line.title,
    ...(line.summary !== undefined && { summary: line.summary }),
    ...(line.body_html !== undefined && { body_html: line.body_html }),
    tags: line.tags ?? [],
    ...(line.source !== undefined && { source: line.source }),
    ...(line.seo !== undefined && { seo: line.seo }),
    ...(line.canonical_url !== undefined && { canonical_url: line.canonical_url }),
    ...(line.featured !== undefined && { featured: line.featured }),
    ...(line.featured_position !== undefined && { featured_position: line.featured_position }),
    ...(line.language !== undefined && { language: line.language }),
  }, images)
  const paths = [...new Set((line.old_urls ?? []).map(oldPath).filter((p): p is string => p !== null))]
  const hash = await sha256Hex(JSON.stringify(line))
  return { line, content, keys: libraryKeys(content.body_html), paths, hash }
}

/** Fills the references (category, bylines, cover, library images); a reason string when one is missing. */
export function resolveDrafted(d: Drafted, refs: ImportRefs): ArticleContent | string {
  const category = categoryOf(d.line, refs)
  if (category === undefined) return `unknown category "${d.line.category_slug ?? d.line.category}"`
  const authors = authorsOf(d.line, refs)
  if (!Array.isArray(authors)) return `unknown author "${authors.missing}"`
  const missing = d.keys.find((k) => !refs.media.has(k))
  if (missing) return `unknown media key "${missing}" in body_html (upload it to the library first)`
  let cover: ArticleContent['cover'] = null
  if (d.line.cover) {
    const item = refs.media.get(d.line.cover.key)
    if (!item) return `unknown media key "${d.line.cover.key}" as cover`
    cover = { media_id: item.id, alt: d.line.cover.alt ?? null, caption: d.line.cover.caption ?? null, credit: d.line.cover.credit ?? null }
  }
  const library = new Map<string, LibraryImage>(d.keys.map((k) => { const m = refs.media.get(k)!; return [k, { width: m.width, height: m.height, alt: m.alt ?? '' }] }))
  const body = d.keys.length ? boundedBody(describeLibraryImages(d.content.body_html, library)) : d.content.body_html
  return { ...d.content, body_html: body, category_id: category, author_ids: authors, cover }
}

/** Times of a line, stored UTC: published_at (required to publish), updated_at, created_at. */
export function lineTimes(line: ImportArticle, now: string) {
  const published = line.published_at ? toUtcIso(line.published_at) : null
  const updated = line.updated_at ? toUtcIso(line.updated_at) : (published ?? now)
  return { published, updated, created: published ?? updated }
}

/**
 * The statements that write one imported article: created (row, first revision,
 * links, media usage) or updated in place (version + 1, links replaced), then its
 * view total seeded (never lowered: beacons counted since stay on top), its old
 * slugs and its old URLs. The article is found by external_id inside the batch.
 */
export function articleStatements(db: Db, d: Drafted, content: ArticleContent, existing: Existing | undefined, actor: Actor, now: string): Compilable[] {
  const line = d.line
  const ref = sql<number>`(SELECT id FROM articles WHERE external_id = ${line.external_id})`
  const t = lineTimes(line, now)
  const workflow = { status: line.status, published_at: t.published, scheduled_at: null, deleted_at: line.deleted_at ? toUtcIso(line.deleted_at) : null, updated_at: t.updated, import_hash: d.hash }
  const version = existing ? existing.version + 1 : 1
  const out: Compilable[] = existing
    ? [db.updateTable('articles').set({ ...contentColumns(content), ...workflow, version, external_id: line.external_id }).where('id', '=', existing.id)]
    : [db.insertInto('articles').values({ ...contentColumns(content), ...workflow, version, created_by: actor.id, created_at: t.created, external_id: line.external_id })]
  out.push(
    db.insertInto('revisions').values({ article_id: ref, version, snapshot: snapshotJson(content, line.status), created_by: actor.id, created_at: now }),
    ...setTagsStatements(db, ref, content.tags, now, !!existing),
    ...setAuthorsStatements(db, ref, content.author_ids, !!existing),
    ...setCoverUsageStatements(db, ref, content.cover?.media_id ?? null, !!existing),
    ...setInlineUsageStatements(db, ref, d.keys, !!existing),
  )
  if (existing && existing.slug !== content.slug) {
    out.push(db.insertInto('slug_history').values({ slug: existing.slug, article_id: existing.id, created_at: now }).onConflict((oc) => oc.column('slug').doNothing()))
  }
  if (line.old_slugs?.length) {
    out.push(rawStatement(db, sql`INSERT INTO slug_history (slug, article_id, created_at) SELECT value, ${ref}, ${now} FROM json_each(${JSON.stringify(line.old_slugs)})
      WHERE value <> ${content.slug} ON CONFLICT (slug) DO NOTHING`))
  }
  if (line.views) {
    out.push(rawStatement(db, sql`INSERT INTO article_views (article_id, category_id, total, updated_at)
      SELECT id, category_id, ${line.views}, ${now} FROM articles WHERE external_id = ${line.external_id}
      ON CONFLICT (article_id) DO UPDATE SET total = max(total, excluded.total), updated_at = excluded.updated_at`))
  }
  if (d.paths.length) {
    out.push(rawStatement(db, sql`INSERT INTO redirects (path, article_id) SELECT value, ${ref} FROM json_each(${JSON.stringify(d.paths)}) WHERE true
      ON CONFLICT (path) DO UPDATE SET article_id = excluded.article_id`))
  }
  return out
}
