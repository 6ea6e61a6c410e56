import type { D1Handle } from '../../db/client'
import { exportPage } from './export-pages'

const KINDS = ['category', 'tag', 'author', 'media', 'article'] as const

/** D1 calls one export request makes before it hands over to the next request (1,000 per invocation). */
const MAX_CALLS = 900

/**
 * The whole archive as NDJSON, streamed page by page (one D1 call a page):
 * categories (parents first), tags, bylines, media records, then every article in
 * any status, trash included, in the import's format. Old URLs travel in their
 * article's `old_urls`. A very large archive that would need more than MAX_CALLS
 * pages ends with a `{"type":"next","after":<id>}` line: ask again with
 * `?after=<id>` for the rest of the articles.
 */
export function exportNdjson(d1: D1Handle, startAfter: number | null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let kind = startAfter === null ? 0 : KINDS.indexOf('article')
  let after = startAfter ?? 0
  let calls = 0
  return new ReadableStream({
    async pull(controller) {
      if (kind >= KINDS.length) return controller.close()
      if (calls++ >= MAX_CALLS) {
        controller.enqueue(encoder.encode(JSON.stringify({ type: 'next', after }) + '\n'))
        return controller.close()
      }
      const page = await exportPage(d1, KINDS[kind]!, after)
      if (page.lines.length) controller.enqueue(encoder.encode(page.lines.map((l) => JSON.stringify(l)).join('\n') + '\n'))
      if (page.next === null) {
        kind++
        after = 0
      } else after = page.next
    },
  })
}
