import { resolveRange, type ByteRange } from '../../lib/http/byte-range'

export interface MediaRead {
  /** HEAD: metadata only. */
  head: boolean
  /** GET of one byte range; null for the whole file. */
  range: ByteRange | null
}

/** R2's form of a range. An end past 2^53 is sent open-ended: R2 stops at the object's end anyway. */
function r2Range(range: ByteRange): R2Range {
  if ('suffix' in range) return { suffix: Math.min(range.suffix, Number.MAX_SAFE_INTEGER) }
  const length = range.last === undefined ? NaN : range.last - range.first + 1
  return Number.isSafeInteger(length) ? { offset: range.first, length } : { offset: range.first }
}

/**
 * A media object in one R2 call: head() for HEAD, get() for GET, with the byte
 * range when one was asked for (R2 clamps a range that runs past the end). R2
 * refuses a range that starts past the end; only then does a head() learn the size
 * for the 416. Preconditions are the caller's: R2's onlyIf cannot tell a 304 from
 * a 412 and compares dates with milliseconds where HTTP has seconds.
 *
 * @example
 * const object = await readMedia(env.MEDIA, '2017/04/anh.jpg', { head: false, range: { first: 0, last: 99 } })
 */
export async function readMedia(bucket: R2Bucket, key: string, read: MediaRead): Promise<R2Object | R2ObjectBody | null> {
  if (read.head) return bucket.head(key)
  if (!read.range) return bucket.get(key)
  // No object is 2^53 bytes long: such a start is past the end, and R2 would reject the number itself.
  if ('first' in read.range && !Number.isSafeInteger(read.range.first)) return bucket.head(key)
  try {
    return await bucket.get(key, { range: r2Range(read.range) })
  } catch (err) {
    const head = await bucket.head(key)
    if (!head || resolveRange(read.range, head.size) === null) return head
    throw err
  }
}

/** Lets go of a body that will not be sent. */
export function discardBody(object: R2Object | R2ObjectBody): void {
  if ('body' in object) object.body.cancel().catch(() => {})
}
