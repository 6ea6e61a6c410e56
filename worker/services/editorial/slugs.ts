import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { ApiError } from '../../lib/errors'
import { toSlug } from '../../lib/slug'

/** Generated slugs stay short enough to take a `-NN` suffix within the 96-character limit. */
export const BASE_LENGTH = 90

/** `slug` is `base` or `base-…` (the candidates for a suffixed slug). */
export const slugFamily = (base: string) => sql<boolean>`(slug = ${base} OR slug LIKE ${base + '-%'})`

/** The first of `base`, `base-2`, `base-3`… not in `taken`. */
export function firstFreeSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

/**
 * Slugs in use by articles other than `ownerId`, now or in their slug history,
 * among `base` and `base-N`. An article may take back one of its own old slugs.
 */
async function takenSlugs(db: Db, base: string, ownerId: number | null): Promise<Set<string>> {
  const owner = ownerId ?? 0
  const [current, history] = await Promise.all([
    db.selectFrom('articles').select('slug').where(slugFamily(base)).where('id', '!=', owner).execute(),
    db.selectFrom('slug_history').select('slug').where(slugFamily(base)).where('article_id', '!=', owner).execute(),
  ])
  return new Set([...current, ...history].map((r) => r.slug))
}

/**
 * The slug an article gets. A requested slug must be free (409 otherwise: the
 * editor chose it and should choose again); a generated one takes the first free
 * of `base`, `base-2`, `base-3`…, so "Đà Nẵng" twice gives `da-nang`, `da-nang-2`.
 *
 * @example
 * await resolveArticleSlug(db, { title: 'Đà Nẵng: Đường phố ngập sâu', ownerId: null }) // 'da-nang-duong-pho-ngap-sau'
 */
export async function resolveArticleSlug(
  db: Db,
  opts: { requested?: string | undefined; title: string; ownerId: number | null },
): Promise<string> {
  if (opts.requested !== undefined) {
    const taken = await takenSlugs(db, opts.requested, opts.ownerId)
    if (taken.has(opts.requested)) {
      throw new ApiError(409, 'conflict', 'That slug is already used by another article', [
        { path: 'json.slug', message: `"${opts.requested}" is taken (now or as an old URL); choose another` },
      ])
    }
    return opts.requested
  }
  const base = toSlug(opts.title, BASE_LENGTH) || 'bai-viet'
  return firstFreeSlug(base, await takenSlugs(db, base, opts.ownerId))
}
