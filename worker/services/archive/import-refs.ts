import type { ImportArticle } from '../../../schema/api/admin-archive'
import type { D1Handle } from '../../db/client'
import { toSlug } from '../../lib/slug'
import { nowIso } from '../../lib/time'
import { viSortKey } from '../../lib/vi-collate'
import { BASE_LENGTH } from '../editorial/slugs'

type Row = Record<string, unknown>

/** An article already imported under an external id. */
export interface Existing {
  id: number
  slug: string
  import_hash: string | null
  version: number
}

/** What one import request's articles refer to, read in one batch (plus one to create missing names). */
export interface ImportRefs {
  categoryBySlug: Map<string, number>
  categoryByName: Map<string, number>
  authorBySlug: Map<string, number>
  authorByName: Map<string, number>
  media: Map<string, { id: number; width: number | null; height: number | null; alt: string | null }>
  existing: Map<string, Existing>
  /** Slugs in use (articles and slug history) in the families of the lines' slugs, with their article. */
  slugOwners: Map<string, number>
}

const json = (values: Iterable<string>) => JSON.stringify([...new Set(values)])

/** The slug a line asks for or would get from its title: the base of its family. */
export const slugBase = (a: ImportArticle) => a.slug ?? (toSlug(a.title, BASE_LENGTH) || 'bai-viet')

function statements(d1: D1Handle, lines: ImportArticle[], keys: string[]) {
  const names = lines.flatMap((a) => a.authors ?? [])
  const bases = json(lines.map(slugBase))
  return [
    d1.prepare('SELECT id, slug, name FROM categories'),
    d1.prepare('SELECT id, slug, name FROM authors WHERE name IN (SELECT value FROM json_each(?1)) OR slug IN (SELECT value FROM json_each(?2))').bind(json(names), json(lines.flatMap((a) => a.author_slugs ?? []))),
    d1.prepare('SELECT id, key, width, height, alt FROM media WHERE key IN (SELECT value FROM json_each(?))').bind(json(keys)),
    // `tin-<id>` is what an export calls an article written in the CMS (no external_id): importing the export back updates it.
    d1.prepare(
      `SELECT id, coalesce(external_id, 'tin-' || id) AS external_id, slug, import_hash, version FROM articles WHERE external_id IN (SELECT value FROM json_each(?1))
       UNION ALL SELECT id, 'tin-' || id, slug, import_hash, version FROM articles WHERE external_id IS NULL AND id IN (SELECT substr(value, 5) + 0 FROM json_each(?1) WHERE substr(value, 1, 4) = 'tin-')`,
    ).bind(json(lines.map((a) => a.external_id))),
    // Each base's family (base, base-2, …) as one index range: see slugFamily.
    d1.prepare(
      `SELECT a.slug, a.id FROM json_each(?1) AS j JOIN articles AS a ON a.slug >= j.value AND a.slug < j.value || '-:'
       UNION ALL SELECT h.slug, h.article_id FROM json_each(?1) AS j JOIN slug_history AS h ON h.slug >= j.value AND h.slug < j.value || '-:'`,
    ).bind(bases),
  ]
}

function toRefs(results: D1Result<Row>[]): ImportRefs {
  const [cats, auths, media, existing, slugs] = results.map((r) => r.results)
  const refs: ImportRefs = {
    categoryBySlug: new Map(), categoryByName: new Map(), authorBySlug: new Map(), authorByName: new Map(),
    media: new Map(), existing: new Map(), slugOwners: new Map(),
  }
  for (const c of cats!) { refs.categoryBySlug.set(String(c.slug), Number(c.id)); if (!refs.categoryByName.has(String(c.name))) refs.categoryByName.set(String(c.name), Number(c.id)) }
  for (const a of auths!) { refs.authorBySlug.set(String(a.slug), Number(a.id)); if (!refs.authorByName.has(String(a.name))) refs.authorByName.set(String(a.name), Number(a.id)) }
  for (const m of media!) refs.media.set(String(m.key), { id: Number(m.id), width: m.width as number | null, height: m.height as number | null, alt: m.alt as string | null })
  for (const e of existing!) refs.existing.set(String(e.external_id), { id: Number(e.id), slug: String(e.slug), import_hash: e.import_hash as string | null, version: Number(e.version) })
  for (const s of slugs!) refs.slugOwners.set(String(s.slug), Number(s.id))
  return refs
}

/** Categories and bylines the lines name that do not exist yet: created by name (slug from the name; a taken slug is reused). */
function missingNames(d1: D1Handle, lines: ImportArticle[], refs: ImportRefs): D1PreparedStatement[] {
  const now = nowIso()
  const row = (name: string) => [toSlug(name, BASE_LENGTH), name, viSortKey(name)]
  const cats = [...new Set(lines.flatMap((a) => (a.category && !a.category_slug && !refs.categoryByName.has(a.category) ? [a.category] : [])))].filter((n) => toSlug(n))
  const auths = [...new Set(lines.flatMap((a) => (a.author_slugs ? [] : (a.authors ?? []).filter((n) => !refs.authorByName.has(n)))))].filter((n) => toSlug(n))
  const insert = (table: string, names: string[]) =>
    d1.prepare(
      `INSERT INTO ${table} (slug, name, name_sort, created_at, updated_at)
       SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), ?2, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (slug) DO NOTHING`,
    ).bind(JSON.stringify(names.map(row)), now)
  return [...(cats.length ? [insert('categories', cats)] : []), ...(auths.length ? [insert('authors', auths)] : [])]
}

/**
 * Reads what the articles of one request refer to, creating the categories and
 * bylines they name that are missing: two D1 round trips (three when names were
 * created). `mediaKeys` are the library keys of the sanitized bodies. Names map to the row of that exact name, else of the name's slug.
 */
export async function loadImportRefs(d1: D1Handle, lines: ImportArticle[], mediaKeys: string[]): Promise<ImportRefs> {
  const keys = [...lines.flatMap((a) => (a.cover ? [a.cover.key] : [])), ...mediaKeys]
  let refs = toRefs(await d1.batch<Row>(statements(d1, lines, keys)))
  const create = missingNames(d1, lines, refs)
  if (create.length) {
    // A name whose slug cannot be taken (a category's old slug) fails its own lines ("unknown category"), not the request.
    await d1.batch(create).catch(() => Promise.allSettled(create.map((s) => s.run())))
    refs = toRefs(await d1.batch<Row>(statements(d1, lines, keys)))
  }
  return refs
}

/** The category id of a line: by slug when given, else by name (or the name's slug). */
export const categoryOf = (a: ImportArticle, refs: ImportRefs) =>
  a.category_slug ? refs.categoryBySlug.get(a.category_slug) : a.category ? (refs.categoryByName.get(a.category) ?? refs.categoryBySlug.get(toSlug(a.category, BASE_LENGTH))) : null

/** The author ids of a line, in its order, or the first name that matches none. */
export function authorsOf(a: ImportArticle, refs: ImportRefs): number[] | { missing: string } {
  const wanted = a.author_slugs ?? a.authors ?? []
  const ids: number[] = []
  for (const w of wanted) {
    const id = a.author_slugs ? refs.authorBySlug.get(w) : (refs.authorByName.get(w) ?? refs.authorBySlug.get(toSlug(w, BASE_LENGTH)))
    if (id === undefined) return { missing: w }
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}
