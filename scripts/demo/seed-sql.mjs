// Turns scripts/demo/content.json into SQL statements for the local D1, using the
// worker's own slug and Vietnamese sort-key code (Node 22 imports the .ts files).
// Every insert is guarded by the `demo_content` marker in app_meta and by slug
// conflicts, so loading twice never duplicates anything, and content an editor
// changed or deleted is not brought back.
import { readFile } from 'node:fs/promises'
import { toSlug } from '../../worker/lib/slug.ts'
import { titlePairsJson } from '../../worker/lib/title-pairs.ts'
import { viSortKey } from '../../worker/lib/vi-collate.ts'

/** A SQL literal: NULL, or text with single quotes doubled. */
export const q = (value) => (value === null || value === undefined ? 'NULL' : `'${String(value).replace(/'/g, "''")}'`)
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const NOT_SEEDED = `NOT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_content')`

export async function loadDemoContent(path = new URL('./content.json', import.meta.url)) {
  return JSON.parse(await readFile(path, 'utf8'))
}

/** @returns {string[]} one SQL statement per entry, each under D1's 100 KB limit */
export function demoSeedStatements(content, now = new Date().toISOString()) {
  const out = []
  const parentsFirst = [...content.categories].sort((a, b) => (a.parent ? 1 : 0) - (b.parent ? 1 : 0))
  parentsFirst.forEach((c, position) => {
    const parent = c.parent ? `(SELECT id FROM categories WHERE slug = ${q(c.parent)})` : 'NULL'
    out.push(
      `INSERT INTO categories (slug, name, name_sort, description, parent_id, position, created_at, updated_at)
       SELECT ${q(c.slug)}, ${q(c.name)}, ${q(viSortKey(c.name))}, ${q(c.description ?? '')}, ${parent}, ${position}, ${q(now)}, ${q(now)}
       WHERE ${NOT_SEEDED} ON CONFLICT (slug) DO NOTHING`,
    )
  })
  for (const a of content.authors) {
    out.push(
      `INSERT INTO authors (slug, name, name_sort, bio, created_at, updated_at)
       SELECT ${q(a.slug)}, ${q(a.name)}, ${q(viSortKey(a.name))}, ${q(a.bio ?? '')}, ${q(now)}, ${q(now)}
       WHERE ${NOT_SEEDED} ON CONFLICT (slug) DO NOTHING`,
    )
  }
  const tagNames = [...new Set(content.articles.flatMap((a) => a.tags))]
  for (const name of tagNames) {
    out.push(
      `INSERT INTO tags (slug, name, name_sort, created_at, updated_at)
       SELECT ${q(toSlug(name))}, ${q(name)}, ${q(viSortKey(name))}, ${q(now)}, ${q(now)}
       WHERE ${NOT_SEEDED} ON CONFLICT (slug) DO NOTHING`,
    )
  }
  for (const a of content.articles) {
    const slug = toSlug(a.title)
    const bodyText = a.body_paragraphs.join('\n\n')
    const bodyHtml = a.body_paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
    const words = bodyText.split(/\s+/).filter(Boolean).length
    const publishedAt = new Date(a.published_at).toISOString()
    out.push(
      `INSERT INTO articles (slug, title, title_sort, title_pairs, summary, body_html, body_text, word_count, cover_alt, cover_caption,
         cover_credit, category_id, source, language, status, published_at, featured, featured_position, created_at, updated_at)
       SELECT ${q(slug)}, ${q(a.title)}, ${q(viSortKey(a.title))}, ${q(titlePairsJson(a.title))}, ${q(a.summary)}, ${q(bodyHtml)}, ${q(bodyText)}, ${words},
         ${q(a.cover?.alt)}, ${q(a.cover?.caption)}, ${q(a.cover?.credit)},
         (SELECT id FROM categories WHERE slug = ${q(a.category)}), ${q(a.source)}, 'vi', 'published', ${q(publishedAt)},
         ${a.featured ? 1 : 0}, ${a.featured ? content.articles.filter((x) => x.featured).indexOf(a) + 1 : 0}, ${q(publishedAt)}, ${q(publishedAt)}
       WHERE ${NOT_SEEDED} ON CONFLICT (slug) DO NOTHING`,
    )
    a.tags.forEach((name, position) => {
      out.push(
        `INSERT OR IGNORE INTO article_tags (article_id, tag_id, position)
         SELECT a.id, t.id, ${position} FROM articles a, tags t
         WHERE a.slug = ${q(slug)} AND t.slug = ${q(toSlug(name))} AND ${NOT_SEEDED}`,
      )
    })
    a.authors.forEach((authorSlug, position) => {
      out.push(
        `INSERT OR IGNORE INTO article_authors (article_id, author_id, position)
         SELECT a.id, au.id, ${position} FROM articles a, authors au
         WHERE a.slug = ${q(slug)} AND au.slug = ${q(authorSlug)} AND ${NOT_SEEDED}`,
      )
    })
  }
  out.push(
    `INSERT INTO app_meta (key, value, updated_at) VALUES ('demo_content', ${q(String(content.articles.length))}, ${q(now)})
     ON CONFLICT (key) DO NOTHING`,
  )
  return out.map((s) => s.replace(/\s+/g, ' ').trim())
}
