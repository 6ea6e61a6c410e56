/** One range of a Range header: `first-` or `first-last`, or the last `suffix` bytes. */
export type ByteRange = { first: number; last?: number } | { suffix: number }

/** A satisfiable range resolved against a representation: where it starts and how long it is. */
export interface Part {
  offset: number
  length: number
}

const SINGLE_RANGE = /^bytes=[ \t]*(?:(\d+)-(\d*)|-(\d+))[ \t]*$/i

/**
 * The one byte range a Range header asks for (RFC 9110 §14.1.2), or null when the
 * header is absent, names another unit, is malformed (`bytes=5-2`), or asks for
 * several ranges: a server may ignore Range (§14.2), and we do not send multipart.
 *
 * @example
 * parseRange('bytes=0-99') // { first: 0, last: 99 }
 * parseRange('bytes=-500') // { suffix: 500 }
 */
export function parseRange(value: string | undefined): ByteRange | null {
  const m = value === undefined ? null : SINGLE_RANGE.exec(value)
  if (!m) return null
  if (m[3] !== undefined) return { suffix: Number(m[3]) }
  if (m[2] === '') return { first: Number(m[1]) }
  // Compared as BigInt: digits past 2^53 must not make an inverted range look valid.
  if (BigInt(m[2]!) < BigInt(m[1]!)) return null
  return { first: Number(m[1]), last: Number(m[2]) }
}

/**
 * The part of a `size`-byte representation a range selects, or null when it is
 * unsatisfiable (416): it starts at or past the end, is the suffix `-0`, or the
 * representation is empty. A last byte past the end is clamped to the end (§14.1.2).
 */
export function resolveRange(range: ByteRange, size: number): Part | null {
  if ('suffix' in range) {
    if (range.suffix === 0 || size === 0) return null
    const length = Math.min(range.suffix, size)
    return { offset: size - length, length }
  }
  if (range.first >= size) return null
  const last = Math.min(range.last ?? size - 1, size - 1)
  return { offset: range.first, length: last - range.first + 1 }
}

/** The Content-Range of a part: `bytes 0-99/1000`. */
export const contentRange = (part: Part, size: number) => `bytes ${part.offset}-${part.offset + part.length - 1}/${size}`
