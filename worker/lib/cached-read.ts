import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { toHex } from './hex'

/** A public read as every cache layer keeps it: plain data, no stream or I/O object. */
export interface CachedRead {
  status: ContentfulStatusCode
  body: ArrayBuffer
  /** What the client is sent: content-type, etag, location, cache-control (those present). */
  headers: Record<string, string>
  /** When the D1 read behind it started (ms): every layer serves it fresh until readAt + TTL. */
  readAt: number
}

/** A found article or list, a moved slug, a missing one: all worth reusing briefly. Never errors. */
export const CACHEABLE_STATUSES = new Set([200, 301, 404])
export const KEPT_HEADERS = ['content-type', 'etag', 'location', 'cache-control']

/**
 * The cacheable answer `res` as plain data (its body read whole), or null for a
 * status not worth caching. A 200 without an ETag gets the strong one hono/etag
 * would compute (SHA-1 hex of the body), so a cached copy answers If-None-Match alike.
 */
export async function captureRead(res: Response, readAt: number): Promise<CachedRead | null> {
  if (!CACHEABLE_STATUSES.has(res.status)) return null
  const body = await res.arrayBuffer()
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = res.headers.get(name)
    if (value !== null) headers[name] = value
  }
  if (res.status === 200 && !headers.etag) headers.etag = `"${toHex(await crypto.subtle.digest('SHA-1', body))}"`
  return { status: res.status as ContentfulStatusCode, body, headers, readAt }
}
