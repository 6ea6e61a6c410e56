import type { ImportResult } from '../../../schema/api/admin-archive'
import type { D1Handle } from '../../db/client'
import { viSortKey } from '../../lib/vi-collate'
import type { ParsedLine } from './import-lines'

type Named = Exclude<ParsedLine, { type: 'article' }>

/**
 * One upsert per category, tag, byline or media record line (an export's own
 * lines), keyed by slug (media: key). A row whose values are already those of the
 * line is left alone, so `changes` tells created/updated from skipped. Media
 * lines bring the record only: the bytes stay in R2 (docs/archive.md).
 */
function upsert(d1: D1Handle, p: Named, now: string): D1PreparedStatement {
  if (p.type === 'category') {
    const c = p.value
    return d1.prepare(
      `INSERT INTO categories (slug, name, name_sort, description, parent_id, position, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, (SELECT id FROM categories WHERE slug = ?5), ?6, ?7, ?7)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, name_sort = excluded.name_sort, description = excluded.description,
         parent_id = excluded.parent_id, position = excluded.position, version = version + 1, updated_at = excluded.updated_at
       WHERE (name, description, position) IS NOT (excluded.name, excluded.description, excluded.position) OR parent_id IS NOT excluded.parent_id`,
    ).bind(c.slug, c.name, viSortKey(c.name), c.description ?? '', c.parent_slug ?? null, c.position ?? 0, now)
  }
  if (p.type === 'tag') {
    return d1.prepare(
      `INSERT INTO tags (slug, name, name_sort, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, name_sort = excluded.name_sort, version = version + 1, updated_at = excluded.updated_at
       WHERE name IS NOT excluded.name`,
    ).bind(p.value.slug, p.value.name, viSortKey(p.value.name), now)
  }
  if (p.type === 'author') {
    const a = p.value
    return d1.prepare(
      `INSERT INTO authors (slug, name, name_sort, bio, avatar_url, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
       ON CONFLICT (slug) DO UPDATE SET name = excluded.name, name_sort = excluded.name_sort, bio = excluded.bio, avatar_url = excluded.avatar_url,
         version = version + 1, updated_at = excluded.updated_at
       WHERE (name, bio) IS NOT (excluded.name, excluded.bio) OR avatar_url IS NOT excluded.avatar_url`,
    ).bind(a.slug, a.name, viSortKey(a.name), a.bio ?? '', a.avatar_url ?? null, now)
  }
  const m = p.value
  return d1.prepare(
    `INSERT INTO media (key, filename, content_type, size, width, height, alt, caption, credit, created_at, updated_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)
     ON CONFLICT (key) DO UPDATE SET alt = excluded.alt, caption = excluded.caption, credit = excluded.credit, version = version + 1, updated_at = excluded.updated_at
     WHERE (alt, caption, credit) IS NOT (excluded.alt, excluded.caption, excluded.credit)`,
  ).bind(m.key, m.filename, m.content_type, m.size, m.width, m.height, m.alt ?? '', m.caption ?? '', m.credit ?? '', now)
}

const keyOf = (p: Named) => (p.type === 'media' ? p.value.key : p.value.slug)
const TABLE = { category: 'categories', tag: 'tags', author: 'authors', media: 'media' } as const

/** Writes the taxonomy and media lines in order (a parent category before its children), one statement each. */
export async function importNamed(d1: D1Handle, lines: Named[], now: string): Promise<ImportResult[]> {
  if (lines.length === 0) return []
  const exists = await d1.batch(lines.map((p) => d1.prepare(`SELECT 1 FROM ${TABLE[p.type]} WHERE ${p.type === 'media' ? 'key' : 'slug'} = ?`).bind(keyOf(p))))
  const results: ImportResult[] = []
  for (const [i, p] of lines.entries()) {
    const base = { line: p.line, type: p.type, key: keyOf(p) }
    try {
      const r = await upsert(d1, p, now).run()
      results.push({ ...base, outcome: r.meta.changes === 0 ? 'skipped' : exists[i]!.results.length ? 'updated' : 'created' })
    } catch (err) {
      results.push({ ...base, outcome: 'failed', reason: String((err as Error).message ?? err).slice(0, 200) })
    }
  }
  return results
}
