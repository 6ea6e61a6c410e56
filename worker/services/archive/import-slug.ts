import type { ImportArticle } from '../../../schema/api/admin-archive'
import type { Existing } from './import-refs'
import { slugBase } from './import-refs'

/**
 * Picks each imported article's slug against the slugs in use (`owners`: slug →
 * article id, loaded for the lines' slug families) and those picked earlier in
 * the same request. A given slug is kept exactly when free (or already this
 * article's); otherwise, as a generated one, the first free of `base`,
 * `base-2`, … An updated article without a given slug keeps its own.
 */
export function slugPicker(owners: Map<string, number>) {
  const taken = new Map(owners)
  return function pick(line: ImportArticle, existing: Existing | undefined, lineNo: number): string {
    const self = existing?.id ?? -lineNo
    if (!line.slug && existing) {
      taken.set(existing.slug, self)
      return existing.slug
    }
    const base = slugBase(line)
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`
      const owner = taken.get(candidate)
      if (owner === undefined || owner === self) {
        taken.set(candidate, self)
        return candidate
      }
    }
  }
}
