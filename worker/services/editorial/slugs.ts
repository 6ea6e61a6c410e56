import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { ApiError } from '../../lib/errors'
import { toSlug } from '../../lib/slug'

/** Generated slugs stay short enough to take a `-NN` suffix within the 96-character limit. */
export const BASE_LENGTH = 90

/**
 * `slug` is `base` or `base-<digits…>`, the candidates `firstFreeSlug` looks at, as
 * one range on the slug's UNIQUE index: every such slug sorts in
 * [`base`, `base-:`) because ':' follows '9' in ASCII, and slugs are ASCII. Never a
 * pattern match: D1 refuses like/glob patterns over 50 bytes (most Vietnamese
 * headlines make longer slugs), and a bound pattern cannot use the index.
 */
export const slugFamily = (base: string) => sql<boolean>`(slug >= ${base} AND slug < ${base + '-:'})`

/**
 * The first of `base`, `base-2`, `base-3`… not in `taken`; with `skip`, the one
 * `skip` free candidates further on (see resolveArticleSlug's retries).
 */
export function firstFreeSlug(base: string, taken: Set<string>, skip = 0): string {
  let left = skip
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (!taken.has(candidate) && left-- === 0) return candidate
  }
}

/**
 * Slugs in use by articles other than `ownerId`, now or in their slug history:
 * exactly `base`, or with `family` every `base-N` too. One statement (one round
 * trip): an article may take back one of its own old slugs.
 */
async function takenSlugs(db: Db, base: string, ownerId: number | null, family: boolean): Promise<Set<string>> {
  const owner = ownerId ?? 0
  const match = family ? slugFamily(base) : sql<boolean>`slug = ${base}`
  const rows = await db
    .selectFrom('articles')
    .select('slug')
    .where(match)
    .where('id', '!=', owner)
    .unionAll(db.selectFrom('slug_history').select('slug').where(match).where('article_id', '!=', owner))
    .execute()
  return new Set(rows.map((r) => r.slug))
}

/**
 * The slug an article gets. A requested slug must be free (409 otherwise: the
 * editor chose it and should choose again); a generated one takes the first free
 * of `base`, `base-2`, `base-3`…, so "Đà Nẵng" twice gives `da-nang`, `da-nang-2`
 * (when saves of one title race, a retry may take a later free number instead).
 *
 * @example
 * await resolveArticleSlug(db, { title: 'Đà Nẵng: Đường phố ngập sâu', ownerId: null }) // 'da-nang-duong-pho-ngap-sau'
 */
export async function resolveArticleSlug(
  db: Db,
  opts: { requested?: string | undefined; title: string; ownerId: number | null; attempt?: number },
): Promise<string> {
  if (opts.requested !== undefined) {
    const taken = await takenSlugs(db, opts.requested, opts.ownerId, false)
    if (taken.has(opts.requested)) {
      throw new ApiError(409, 'conflict', 'That slug is already used by another article', [
        { path: 'json.slug', message: `"${opts.requested}" is taken (now or as an old URL); choose another` },
      ])
    }
    return opts.requested
  }
  const base = toSlug(opts.title, BASE_LENGTH) || 'bai-viet'
  // Saves that raced for the same free slug retry at once, and would pick the same
  // next one again: from the second attempt on, spread them over the next free ones.
  const attempt = opts.attempt ?? 0
  const skip = attempt === 0 ? 0 : Math.floor(Math.random() * Math.min(2 ** attempt, 16))
  return firstFreeSlug(base, await takenSlugs(db, base, opts.ownerId, true), skip)
}
