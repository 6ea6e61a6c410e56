import type { D1Handle } from '../../db/client'

type Row = Record<string, unknown>

/** Rows per D1 call: articles carry bodies (≤ 400 KB each, so a page stays under D1's 50 MB result). */
export const ARTICLES_PER_PAGE = 100
const NAMED_PER_PAGE = 1000

/** Categories, parents before children (a restore creates the parent first), with the parent's slug. */
const CATEGORIES = `WITH RECURSIVE t(id, depth) AS (SELECT id, 0 FROM categories WHERE parent_id IS NULL
  UNION ALL SELECT c.id, t.depth + 1 FROM categories c JOIN t ON c.parent_id = t.id)
  SELECT 'category' AS type, c.slug, c.name, c.description, p.slug AS parent_slug, c.position
  FROM t JOIN categories c ON c.id = t.id LEFT JOIN categories p ON p.id = c.parent_id ORDER BY t.depth, c.id`

const NAMED: Record<string, string> = {
  tag: `SELECT id, 'tag' AS type, slug, name FROM tags WHERE id > ? ORDER BY id LIMIT ${NAMED_PER_PAGE}`,
  author: `SELECT id, 'author' AS type, slug, name, bio, avatar_url FROM authors WHERE id > ? ORDER BY id LIMIT ${NAMED_PER_PAGE}`,
  media: `SELECT id, 'media' AS type, key, filename, content_type, size, width, height, alt, caption, credit FROM media WHERE id > ? ORDER BY id LIMIT ${NAMED_PER_PAGE}`,
}

/** Every article in the import's shape: taxonomies by slug and name, in their order; cover by key; old URLs and slugs; view total. */
const ARTICLES = `SELECT a.id, coalesce(a.external_id, 'tin-' || a.id) AS external_id, a.title, a.summary, a.body_html,
  CASE WHEN a.status IN ('published', 'archived') THEN a.status ELSE 'draft' END AS status,
  a.published_at, a.updated_at, a.deleted_at, a.slug, a.source, a.canonical_url, a.featured, a.featured_position, a.language,
  a.seo_title, a.seo_description, c.slug AS category_slug, c.name AS category,
  m.key AS cover_key, a.cover_alt, a.cover_caption, a.cover_credit, coalesce(v.total, 0) AS views,
  (SELECT json_group_array(name) FROM (SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id ORDER BY x.position)) AS tags,
  (SELECT json_group_array(slug) FROM (SELECT w.slug FROM article_authors x JOIN authors w ON w.id = x.author_id WHERE x.article_id = a.id ORDER BY x.position)) AS author_slugs,
  (SELECT json_group_array(path) FROM (SELECT path FROM redirects WHERE article_id = a.id ORDER BY path)) AS old_urls,
  (SELECT json_group_array(slug) FROM (SELECT slug FROM slug_history WHERE article_id = a.id ORDER BY slug)) AS old_slugs
  FROM articles a LEFT JOIN categories c ON c.id = a.category_id LEFT JOIN media m ON m.id = a.cover_media_id
  LEFT JOIN article_views v ON v.article_id = a.id
  WHERE a.id > ? ORDER BY a.id LIMIT ${ARTICLES_PER_PAGE}`

const drop = <T extends Row>(row: T, keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k, v]) => !keys.includes(k) && v !== null))

/** An article row as an import line. */
export function articleLine(r: Row): Row {
  const line: Row = drop(r, ['id', 'seo_title', 'seo_description', 'cover_key', 'cover_alt', 'cover_caption', 'cover_credit', 'tags', 'author_slugs', 'old_urls', 'old_slugs', 'featured'])
  line.type = 'article'
  line.featured = r.featured === 1
  line.tags = JSON.parse(String(r.tags))
  line.author_slugs = JSON.parse(String(r.author_slugs))
  line.old_urls = JSON.parse(String(r.old_urls))
  line.old_slugs = JSON.parse(String(r.old_slugs))
  line.seo = { title: r.seo_title, description: r.seo_description }
  line.cover = r.cover_key ? { key: r.cover_key, alt: r.cover_alt, caption: r.cover_caption, credit: r.cover_credit } : null
  if (r.category_slug === null) line.category = null
  return line
}

/** One export page: `kind`'s rows after `after` (an id), and the id to continue from, null at the end. */
export async function exportPage(d1: D1Handle, kind: 'category' | 'tag' | 'author' | 'media' | 'article', after: number): Promise<{ lines: Row[]; next: number | null }> {
  if (kind === 'category') return { lines: (await d1.prepare(CATEGORIES).all<Row>()).results.map((r) => drop(r, [])), next: null }
  const full = kind === 'article' ? ARTICLES_PER_PAGE : NAMED_PER_PAGE
  const rows = (await d1.prepare(kind === 'article' ? ARTICLES : NAMED[kind]!).bind(after).all<Row>()).results
  const lines = rows.map((r) => (kind === 'article' ? articleLine(r) : drop(r, ['id'])))
  return { lines, next: rows.length === full ? Number(rows.at(-1)!.id) : null }
}
