import { ApiFailure, failureOf } from './api'
import { currentBookmark, remember } from './d1-bookmark'
import type { MediaItem } from './media-api'

export interface Uploaded {
  data: MediaItem
  /** The bytes were already in the library: this is the existing item. */
  duplicate?: boolean
}

/** The answer's headers as a Headers object (Retry-After, the bookmark). */
function headersOf(xhr: XMLHttpRequest): Headers {
  const headers = new Headers()
  for (const line of xhr.getAllResponseHeaders().trim().split(/\r?\n/)) {
    const at = line.indexOf(':')
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim())
  }
  return headers
}

/**
 * Uploads one file to the library (`POST /api/admin/media`, multipart) with
 * XMLHttpRequest, because fetch reports no upload progress. It behaves as api.ts
 * does otherwise: same-origin cookie, the D1 bookmark sent and kept, a failure as an
 * ApiFailure from the error envelope (a 401 ends the session). `onProgress` gets the
 * share of bytes sent, 0..1; aborting `signal` rejects with status 0.
 */
export function uploadMedia(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/admin/media')
    const bookmark = currentBookmark()
    if (bookmark !== null) xhr.setRequestHeader('X-D1-Bookmark', bookmark)
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total)
    xhr.onerror = () => reject(ApiFailure.network(new Error('upload failed')))
    xhr.onabort = () => reject(ApiFailure.network(new Error('upload cancelled')))
    xhr.onload = () => {
      const headers = headersOf(xhr)
      remember(headers.get('X-D1-Bookmark'))
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        try {
          return resolve(JSON.parse(xhr.responseText) as Uploaded)
        } catch (cause) {
          return reject(ApiFailure.network(cause))
        }
      }
      failureOf(new Response(xhr.responseText, { status: xhr.status, headers })).then(reject, reject)
    }
    signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    const body = new FormData()
    body.append('file', file, file.name)
    xhr.send(body)
  })
}
