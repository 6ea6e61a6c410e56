import { sql, type RawBuilder } from 'kysely'

/**
 * The most SELECTs one compound (UNION / UNION ALL) may join in D1's SQLite build
 * (local workerd refuses a sixth: "too many terms in compound SELECT").
 */
export const MAX_COMPOUND_TERMS = 5

/**
 * `UNION ALL` of any number of single-column selects, as nested compounds of at
 * most MAX_COMPOUND_TERMS terms each: each nested group is a subquery in FROM, a
 * compound of its own, so the limit holds however many parts there are.
 *
 * @example
 * sql`SELECT id FROM (${unionAll(tags.map((t) => sql`SELECT article_id AS id FROM article_tags WHERE tag_id = ${t}`))})`
 */
export function unionAll(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  if (parts.length <= MAX_COMPOUND_TERMS) return sql.join(parts, sql` UNION ALL `)
  const groups: RawBuilder<unknown>[] = []
  const size = Math.ceil(parts.length / MAX_COMPOUND_TERMS)
  for (let i = 0; i < parts.length; i += size) groups.push(sql`SELECT * FROM (${unionAll(parts.slice(i, i + size))})`)
  return unionAll(groups)
}
