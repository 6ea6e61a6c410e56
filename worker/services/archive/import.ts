import type { Compilable } from 'kysely'
import type { ImportResult } from '../../../schema/api/admin-archive'
import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { imagePolicy } from '../../lib/html/image-policy'
import type { SiteSettings } from '../../lib/settings'
import { nowIso } from '../../lib/time'
import { auditInsert } from '../audit'
import type { Actor } from '../editorial/actor'
import { articleStatements, draftLine, resolveDrafted, type Drafted } from './import-article'
import { parseLines, type ParsedLine } from './import-lines'
import { loadImportRefs } from './import-refs'
import { slugPicker } from './import-slug'
import { importNamed } from './import-taxonomy'

/** Articles written per D1 batch, and the most body bytes one batch carries (D1 caps a batch's size). */
const ARTICLES_PER_BATCH = 25
const BYTES_PER_BATCH = 1_000_000

interface Planned { result: ImportResult; statements: Compilable[]; bytes: number }

/** A failure as one line of text: an ApiError's details (e.g. `json.tags.0: needs at least one letter or digit`) or the D1 message. */
function reasonOf(err: unknown) {
  const details = (err as { details?: { path: string; message: string }[] })?.details
  const text = details?.length ? details.map((d) => `${d.path.replace(/^json\./, '')}: ${d.message}`).join('; ') : String((err as Error)?.message ?? err)
  return text.replace(/^D1_ERROR: /, '').slice(0, 300)
}

/** Runs the planned writes in batches; a failed batch is retried one article at a time, so one bad line fails alone. */
async function write(d1: D1Handle, plans: Planned[]) {
  const groups: Planned[][] = []
  for (const p of plans) {
    const last = groups.at(-1)
    if (last && last.length < ARTICLES_PER_BATCH && last.reduce((n, q) => n + q.bytes, 0) + p.bytes <= BYTES_PER_BATCH) last.push(p)
    else groups.push([p])
  }
  for (const group of groups) {
    try {
      const out = await runBatch(d1, group.flatMap((p) => p.statements))
      let at = 0
      for (const p of group) {
        if (p.result.outcome === 'created') p.result.id = out[at]!.meta.last_row_id
        at += p.statements.length
      }
    } catch (err) {
      if (group.length === 1) Object.assign(group[0]!.result, { outcome: 'failed', reason: reasonOf(err) })
      else for (const p of group) await write(d1, [p])
    }
  }
}

/** Plans each drafted article: skipped when unchanged, failed when a reference is missing, else its statements. */
async function planArticles(db: Db, d1: D1Handle, drafted: { line: number; d: Drafted }[], actor: Actor, now: string): Promise<Planned[]> {
  const refs = await loadImportRefs(d1, drafted.map((x) => x.d.line), drafted.flatMap((x) => x.d.keys))
  const pick = slugPicker(refs.slugOwners)
  return drafted.map(({ line, d }) => {
    const existing = refs.existing.get(d.line.external_id)
    const result: ImportResult = { line, type: 'article', external_id: d.line.external_id, outcome: existing ? 'updated' : 'created', ...(existing && { id: existing.id }) }
    if (existing && existing.import_hash === d.hash) return { result: { ...result, outcome: 'skipped', slug: existing.slug }, statements: [], bytes: 0 }
    if (d.line.status === 'published' && !d.line.published_at) return { result: { ...result, outcome: 'failed', reason: 'a published article needs published_at' }, statements: [], bytes: 0 }
    const content = resolveDrafted(d, refs)
    if (typeof content === 'string') return { result: { ...result, outcome: 'failed', reason: content }, statements: [], bytes: 0 }
    content.slug = pick(d.line, existing, line)
    result.slug = content.slug
    if (d.line.slug && d.line.slug !== content.slug) result.reason = `slug "${d.line.slug}" is taken; the article got "${content.slug}"`
    return { result, statements: articleStatements(db, d, content, existing, actor, now), bytes: content.body_html.length * 2 + 2000 }
  })
}

/**
 * Imports an NDJSON body (docs/archive.md): category, tag, author and media lines
 * first (in file order), then the articles, idempotent by external_id. Every line
 * answers created / updated / skipped / failed; a failed line never blocks the
 * others. One audit line records the request's summary.
 */
export async function importNdjson(db: Db, d1: D1Handle, text: string, actor: Actor, settings: SiteSettings) {
  const now = nowIso()
  const { parsed, failed } = parseLines(text)
  const results: ImportResult[] = [...failed]
  results.push(...(await importNamed(d1, parsed.filter((p): p is Exclude<ParsedLine, { type: 'article' }> => p.type !== 'article'), now)))
  const seen = new Set<string>()
  const drafted: { line: number; d: Drafted }[] = []
  const images = imagePolicy(settings)
  for (const p of parsed) {
    if (p.type !== 'article') continue
    const base = { line: p.line, type: 'article', external_id: p.value.external_id }
    if (seen.has(p.value.external_id)) { results.push({ ...base, outcome: 'failed', reason: 'external_id repeated in this request' }); continue }
    seen.add(p.value.external_id)
    try {
      drafted.push({ line: p.line, d: await draftLine(p.value, images, settings.language) })
    } catch (err) {
      results.push({ ...base, outcome: 'failed', reason: reasonOf(err) })
    }
  }
  if (drafted.length) {
    const plans = await planArticles(db, d1, drafted, actor, now)
    await write(d1, plans.filter((p) => p.statements.length))
    results.push(...plans.map((p) => p.result))
  }
  results.sort((a, b) => a.line - b.line)
  const summary = { created: 0, updated: 0, skipped: 0, failed: 0 }
  for (const r of results) summary[r.outcome]++
  await runBatch(d1, [auditInsert(db, { actorId: actor.id, action: 'archive.imported', resourceType: 'archive', resourceId: null, details: summary, ip: actor.ip })])
  return { results, summary }
}
