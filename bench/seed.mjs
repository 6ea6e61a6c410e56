/**
 * Seeds a local D1 (already migrated) with a newsroom's archive through the D1
 * binding Miniflare gives Node: categories, tags, authors, cover media, N articles
 * (about 96% published) with their links, a few old slugs, and 30 days of hourly view
 * buckets plus all-time totals.
 */
import { toSlug } from '../worker/lib/slug.ts'
import { titlePairsJson } from '../worker/lib/title-pairs.ts'
import { viSortKey } from '../worker/lib/vi-collate.ts'
import { articleText, AUTHOR_NAMES, CATEGORIES, rng, SOURCES, TAG_WORDS } from './corpus.mjs'

const HOUR = 3_600_000
/** D1 refuses statements over 100 KB; literal multi-row INSERTs stay under this (bytes). */
const MAX_STATEMENT = 90_000
/** SQL text sent per exec() round trip. */
const MAX_EXEC = 4_000_000

/** A SQL literal. exec() runs one statement per line, so newlines become char(10). */
const literal = (v) =>
  v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''").replace(/\n/g, "'||char(10)||'")}'`

/**
 * Multi-row INSERTs with literal values (the generator's own data, quoted), sent
 * through D1's exec() a few MB at a time: bound parameters would cap a statement at
 * 100 values (4 articles), and one round trip per few rows is what made seeding slow.
 */
async function insert(d1, table, columns, rows) {
  const head = `INSERT INTO ${table} (${columns.join(',')}) VALUES `
  let statement = ''
  let bytes = head.length
  let script = ''
  const flushStatement = () => {
    if (statement) script += `${head}${statement};\n`
    statement = ''
    bytes = head.length
  }
  for (const row of rows) {
    const tuple = `(${row.map(literal).join(',')})`
    const size = Buffer.byteLength(tuple) + 1
    if (statement && bytes + size > MAX_STATEMENT) flushStatement()
    statement += statement ? `,${tuple}` : tuple
    bytes += size
    if (script.length > MAX_EXEC) {
      await d1.exec(script)
      script = ''
    }
  }
  flushStatement()
  if (script) await d1.exec(script)
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function taxonomies(nowIso) {
  const categories = []
  for (const [name, children] of CATEGORIES) {
    const parent = categories.length + 1
    categories.push([parent, toSlug(name), name, viSortKey(name), null, categories.length, nowIso, nowIso])
    for (const child of children) categories.push([categories.length + 1, toSlug(child), child, viSortKey(child), parent, 0, nowIso, nowIso])
  }
  const tagNames = [...new Set(TAG_WORDS.flatMap((w) => [w, `${w} 2026`, `Tin ${w}`]))]
  const tags = tagNames.map((name, i) => [i + 1, toSlug(name), name, viSortKey(name), nowIso, nowIso])
  const authors = AUTHOR_NAMES.map((name, i) => [i + 1, toSlug(name), name, viSortKey(name), `Phóng viên ${name}`, nowIso, nowIso])
  return { categories, tags, authors }
}

/** Seeds everything; returns what the bench needs to address it (slugs, ids, categories). */
export async function seed(d1, { articles: count, now = Date.now(), onProgress = () => {} }) {
  const r = rng(20170418)
  const nowIso = new Date(now).toISOString()
  const { categories, tags, authors } = taxonomies(nowIso)
  await insert(d1, 'categories', ['id', 'slug', 'name', 'name_sort', 'parent_id', 'position', 'created_at', 'updated_at'], categories)
  await insert(d1, 'tags', ['id', 'slug', 'name', 'name_sort', 'created_at', 'updated_at'], tags)
  await insert(d1, 'authors', ['id', 'slug', 'name', 'name_sort', 'bio', 'created_at', 'updated_at'], authors)
  const mediaCount = Math.ceil(count / 5)
  const media = Array.from({ length: mediaCount }, (_, i) => [i + 1, `2026/anh-${i + 1}.jpg`, `anh-${i + 1}.jpg`, 'image/jpeg', r.int(80_000, 400_000), 1200, 800, 'Ảnh minh họa', 'Toàn cảnh sự kiện', 'Ảnh: TTXVN', nowIso, nowIso])
  await insert(d1, 'media', ['id', 'key', 'filename', 'content_type', 'size', 'width', 'height', 'alt', 'caption', 'credit', 'created_at', 'updated_at'], media)

  const slugs = []
  const published = []
  const chunk = 2_000
  const span = 2 * 365 * 24 * HOUR
  for (let start = 0; start < count; start += chunk) {
    const rows = []
    const links = { tags: [], authors: [], history: [] }
    for (let id = start + 1; id <= Math.min(count, start + chunk); id++) {
      const { title, summary, paragraphs } = articleText(r)
      const slug = `${toSlug(title)}-${100000 + id}`
      const roll = r.next()
      const status = roll < 0.96 ? 'published' : roll < 0.98 ? 'draft' : 'archived'
      const deleted = status === 'published' && r.next() < 0.01 ? nowIso : null
      // Article 1 is the newest; publish times spread over two years.
      const publishedAt = new Date(now - ((id - 1) / count) * span - r.int(0, 600_000)).toISOString()
      const categoryId = r.int(1, categories.length)
      const bodyText = paragraphs.join('\n\n')
      rows.push([
        id, slug, title, viSortKey(title), titlePairsJson(title), summary, paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'), bodyText,
        bodyText.split(/\s+/).length, r.next() < 0.8 ? r.int(1, mediaCount) : null, categoryId, r.pick(SOURCES), status,
        status === 'draft' ? null : publishedAt, r.next() < 0.02 ? 1 : 0, publishedAt, publishedAt, deleted,
      ])
      for (const tag of new Set(Array.from({ length: r.int(2, 5) }, () => r.int(1, tags.length)))) links.tags.push([id, tag, links.tags.length % 5])
      links.authors.push([id, r.int(1, authors.length), 0])
      if (r.next() < 0.02) links.history.push([`${slug}-cu`, id, nowIso])
      if (status === 'published' && !deleted) {
        slugs.push(slug)
        published.push({ id, categoryId, publishedAt: Date.parse(publishedAt) })
      }
    }
    await insert(d1, 'articles', ['id', 'slug', 'title', 'title_sort', 'title_pairs', 'summary', 'body_html', 'body_text', 'word_count', 'cover_media_id', 'category_id', 'source', 'status', 'published_at', 'featured', 'created_at', 'updated_at', 'deleted_at'], rows)
    await insert(d1, 'article_tags', ['article_id', 'tag_id', 'position'], links.tags)
    await insert(d1, 'article_authors', ['article_id', 'author_id', 'position'], links.authors)
    await insert(d1, 'slug_history', ['slug', 'article_id', 'created_at'], links.history)
    onProgress(Math.min(count, start + chunk))
  }
  await seedViews(d1, r, published, now)
  return { slugs, published, categories: categories.map((c) => c[1]), tags: tags.map((t) => t[1]), authors: authors.map((a) => a[1]) }
}

/**
 * 30 days of hourly buckets: each hour about 150 articles are read, mostly ones
 * published in the days before (news is read while fresh), with a long tail of
 * archive reads. Totals are the bucket sums plus an older history for the archive.
 */
async function seedViews(d1, r, published, now) {
  const buckets = []
  const totals = new Map()
  const hourNow = Math.floor(now / HOUR)
  for (let h = 0; h < 30 * 24; h++) {
    const hourStart = (hourNow - h) * HOUR
    const fresh = published.filter((a) => a.publishedAt <= hourStart + HOUR && a.publishedAt > hourStart - 3 * 24 * HOUR)
    const seen = new Set()
    for (let k = 0; k < 150; k++) {
      const a = fresh.length && r.next() < 0.8 ? r.pick(fresh) : r.pick(published)
      if (seen.has(a.id)) continue
      seen.add(a.id)
      const views = Math.ceil(2000 * r.next() ** 3) + 1
      buckets.push([a.id, new Date(hourStart).toISOString(), a.categoryId, views])
      totals.set(a.id, (totals.get(a.id) ?? 0) + views)
    }
  }
  for (const a of published) if (r.next() < 0.5) totals.set(a.id, (totals.get(a.id) ?? 0) + r.int(10, 20_000))
  const byId = new Map(published.map((a) => [a.id, a]))
  await insert(d1, 'article_view_hours', ['article_id', 'hour', 'category_id', 'views'], buckets)
  await insert(d1, 'article_views', ['article_id', 'category_id', 'total', 'updated_at'], [...totals].map(([id, total]) => [id, byId.get(id).categoryId, total, new Date(now).toISOString()]))
}
