import { parseEntityTag, parseTagList, strongMatch, weakMatch, type EntityTag } from './entity-tag'
import { parseHttpDate } from './http-date'

/** What a stored representation is known by: its strong ETag and Last-Modified (whole seconds). */
export interface Validators {
  etag: EntityTag
  lastModified: number
}

const listMatches = (value: string, etag: EntityTag, match: (a: EntityTag, b: EntityTag) => boolean) => {
  const tags = parseTagList(value)
  return tags === '*' || tags.some((tag) => match(tag, etag))
}

const dateOf = (headers: Headers, name: string) => {
  const value = headers.get(name)
  return value === null ? null : parseHttpDate(value)
}

/**
 * The preconditions of a GET or HEAD in RFC 9110 §13.2.2 order: If-Match (strong),
 * else If-Unmodified-Since, fail with 412; then If-None-Match (weak), else
 * If-Modified-Since, answer 304. An invalid date is ignored; a tag list of junk
 * matches nothing. `pass` means the request goes on (range, then the body).
 *
 * @example
 * evaluatePreconditions(new Headers({ 'If-None-Match': '"a"' }), { etag: { weak: false, opaque: 'a' }, lastModified: 0 }) // 304
 */
export function evaluatePreconditions(headers: Headers, current: Validators): 'pass' | 304 | 412 {
  const ifMatch = headers.get('if-match')
  if (ifMatch !== null) {
    if (!listMatches(ifMatch, current.etag, strongMatch)) return 412
  } else {
    const since = dateOf(headers, 'if-unmodified-since')
    if (since !== null && current.lastModified > since) return 412
  }
  const ifNoneMatch = headers.get('if-none-match')
  if (ifNoneMatch !== null) {
    if (listMatches(ifNoneMatch, current.etag, weakMatch)) return 304
  } else {
    const since = dateOf(headers, 'if-modified-since')
    if (since !== null && current.lastModified <= since) return 304
  }
  return 'pass'
}

/** An If-Range validator (§13.1.5): a strong entity-tag or an HTTP-date. */
export type IfRange = { etag: EntityTag } | { date: number }

/**
 * The validator of an If-Range value, or null when it can never match (a weak tag,
 * junk): then the Range is ignored and the whole file is sent.
 */
export function parseIfRange(value: string): IfRange | null {
  const etag = parseEntityTag(value)
  if (etag) return etag.weak ? null : { etag }
  const date = parseHttpDate(value)
  return date === null ? null : { date }
}

/** Whether If-Range still names the current representation: the same strong tag, or exactly its Last-Modified. */
export const ifRangeMatches = (ifRange: IfRange, current: Validators) =>
  'etag' in ifRange ? strongMatch(ifRange.etag, current.etag) : ifRange.date === current.lastModified
