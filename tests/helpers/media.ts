/**
 * Helpers for the media route tests: objects written straight to the real local R2,
 * requests through the running worker, and a call-logging wrapper around the R2
 * binding (every call still goes to Miniflare's R2) for the round-trip budget.
 */
import { env, SELF } from 'cloudflare:test'
import { beforeAll } from 'vitest'
import { app } from '../../worker/app'

export const MEDIA_BASE = 'http://127.0.0.1:8787/media/'

/** 100 bytes, each different from its neighbours, so a wrong slice never passes. */
export const HUNDRED_BYTES = Uint8Array.from({ length: 100 }, (_, i) => (i * 7 + 3) % 251)

/** Stores an object and returns what R2 recorded (etag, uploaded). */
export async function putMedia(key: string, bytes: Uint8Array = HUNDRED_BYTES, contentType = 'application/octet-stream') {
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType } })
  return (await env.MEDIA.head(key))!
}

/** Stores HUNDRED_BYTES under `key` before a file's tests; the returned validators are filled in then. */
export function useStoredMedia(key: string) {
  const stored = { etag: '', uploaded: new Date(0) }
  beforeAll(async () => {
    const head = await putMedia(key)
    stored.etag = head.httpEtag
    stored.uploaded = head.uploaded
  })
  return stored
}

/** The object's Last-Modified as an HTTP-date (R2 keeps milliseconds; HTTP dates have seconds). */
export const httpDate = (date: Date, shiftSeconds = 0) => new Date(date.getTime() + shiftSeconds * 1000).toUTCString()

/** A request for a media key through the worker; the body is read in full. */
export async function fetchMedia(key: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await SELF.fetch(`${MEDIA_BASE}${key}`, { method, headers })
  const body = new Uint8Array(await res.arrayBuffer())
  return { res, status: res.status, body }
}

/** The real MEDIA binding, with every call logged by method name. */
export function countingR2(bucket: R2Bucket = env.MEDIA) {
  const calls: string[] = []
  const proxy = new Proxy(bucket, {
    get(target, prop) {
      const value = Reflect.get(target, prop)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(String(prop))
        return value.apply(target, args)
      }
    },
  })
  return { bucket: proxy, calls }
}

/** The app itself (not SELF) with a wrapped MEDIA binding, so its R2 calls can be counted. */
export async function fetchMediaWith(bucket: R2Bucket, key: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await app.request(`${MEDIA_BASE}${key}`, { method, headers }, { ...env, MEDIA: bucket })
  const body = new Uint8Array(await res.arrayBuffer())
  return { res, status: res.status, body }
}
