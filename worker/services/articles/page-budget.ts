/**
 * Characters of body HTML one list page carries at most (about 5 MB of Vietnamese
 * UTF-8, 8 MB as JavaScript strings). With bodies of up to MAX_BODY_HTML_BYTES, a
 * full page of 100 could hold 40 MB: past this budget the page ends early and
 * `next_cursor` continues from there, so the response, its JSON and the read cache
 * stay small within the isolate's 128 MB.
 */
export const PAGE_BODY_CHARS = 4_000_000

/**
 * How many of `rows` (in page order) fit the body budget: always at least one, so
 * a page always moves forward.
 *
 * @example
 * const keep = rowsWithinBodyBudget(rows) // rows.slice(0, keep) is the page
 */
export function rowsWithinBodyBudget(rows: { body_html: string }[], budget = PAGE_BODY_CHARS): number {
  let total = 0
  for (let i = 0; i < rows.length; i++) {
    total += rows[i]!.body_html.length
    if (total > budget && i > 0) return i
  }
  return rows.length
}
