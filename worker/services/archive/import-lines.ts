import * as v from 'valibot'
import { ImportArticle, ImportAuthor, ImportCategory, ImportMedia, ImportTag, type ImportResult } from '../../../schema/api/admin-archive'

/**
 * Lines one import request may carry (docs/archive.md, docs/limits.md). 500, not
 * more: in the worst case (every write batch fails and is retried one article at
 * a time) a request makes ~525 D1 calls, under the 1,000 per invocation.
 */
export const MAX_IMPORT_LINES = 500

export type ParsedLine =
  | { line: number; type: 'article'; value: ImportArticle }
  | { line: number; type: 'category'; value: v.InferOutput<typeof ImportCategory> }
  | { line: number; type: 'tag'; value: v.InferOutput<typeof ImportTag> }
  | { line: number; type: 'author'; value: v.InferOutput<typeof ImportAuthor> }
  | { line: number; type: 'media'; value: v.InferOutput<typeof ImportMedia> }

const SCHEMAS = { article: ImportArticle, category: ImportCategory, tag: ImportTag, author: ImportAuthor, media: ImportMedia } as const

const describe = (issues: v.BaseIssue<unknown>[]) =>
  issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? 'line'}: ${i.message}`).join('; ')

/**
 * The non-blank lines of an NDJSON body, each parsed and checked on its own: a
 * bad line becomes a `failed` result and never stops the others. Lines are
 * numbered from 1 as in the file. `type` defaults to `article`.
 */
export function parseLines(text: string): { parsed: ParsedLine[]; failed: ImportResult[]; count: number } {
  const parsed: ParsedLine[] = []
  const failed: ImportResult[] = []
  let count = 0
  text.split('\n').forEach((raw, i) => {
    const body = raw.trim()
    if (!body) return
    count++
    const line = i + 1
    let json: unknown
    try {
      json = JSON.parse(body)
    } catch {
      failed.push({ line, type: 'unknown', outcome: 'failed', reason: 'not a JSON object' })
      return
    }
    const type = (json as { type?: unknown })?.type ?? 'article'
    if (type === 'next') {
      failed.push({ line, type, outcome: 'skipped', reason: 'an export continuation marker' })
      return
    }
    const schema = typeof type === 'string' && Object.hasOwn(SCHEMAS, type) ? SCHEMAS[type as keyof typeof SCHEMAS] : null
    if (!schema || typeof json !== 'object' || json === null || Array.isArray(json)) {
      failed.push({ line, type: String(type), outcome: 'failed', reason: `unknown line type "${String(type)}" (article, category, tag, author, media)` })
      return
    }
    const result = v.safeParse(schema, json)
    const external_id = (json as { external_id?: unknown }).external_id
    if (!result.success) {
      failed.push({ line, type: String(type), ...(typeof external_id === 'string' && { external_id }), outcome: 'failed', reason: describe(result.issues) })
      return
    }
    parsed.push({ line, type: type as 'article', value: result.output as ImportArticle })
  })
  return { parsed, failed, count }
}
