/** An entity-tag (RFC 9110 §8.8.3): `"opaque"`, or weak `W/"opaque"`. */
export interface EntityTag {
  weak: boolean
  opaque: string
}

/** One list element: a well-formed tag, or anything else up to the next comma. */
const ELEMENT = /[ \t]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"|[^,]*)[ \t]*(?:,|$)/y
const WHOLE_TAG = /^[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*$/

/**
 * The value of If-Match or If-None-Match: `*`, or its entity-tags. An element that
 * is not a well-formed tag names no representation, so it is skipped: a header of
 * junk matches nothing (If-None-Match passes, If-Match fails), never an error.
 *
 * @example
 * parseTagList('"a", W/"b", junk') // [{ weak: false, opaque: 'a' }, { weak: true, opaque: 'b' }]
 */
export function parseTagList(value: string): '*' | EntityTag[] {
  if (value.trim() === '*') return '*'
  const tags: EntityTag[] = []
  ELEMENT.lastIndex = 0
  while (ELEMENT.lastIndex < value.length) {
    const m = ELEMENT.exec(value)!
    if (m[2] !== undefined) tags.push({ weak: m[1] !== undefined, opaque: m[2] })
  }
  return tags
}

/** A value that is exactly one entity-tag (If-Range, ETag), or null. */
export function parseEntityTag(value: string): EntityTag | null {
  const m = WHOLE_TAG.exec(value)
  return m ? { weak: m[1] !== undefined, opaque: m[2]! } : null
}

/** Strong comparison (§8.8.3.2): both strong and the same characters. */
export const strongMatch = (a: EntityTag, b: EntityTag) => !a.weak && !b.weak && a.opaque === b.opaque

/** Weak comparison: the same characters, weak or not. */
export const weakMatch = (a: EntityTag, b: EntityTag) => a.opaque === b.opaque
