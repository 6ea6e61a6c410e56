/**
 * Which image addresses are photos of this site's library: `/media/{key}`, the same
 * path on an origin of this site (the admin's own, or the public SITE_URL), or a
 * Cloudflare Image Resizing URL of one (`/cdn-cgi/image/{options}/media/{key}`, what
 * the public site's srcset offers). Keys are content hashes (docs/media.md), so the
 * pattern is strict: anything else is not ours, whatever its path says.
 */
const KEY = /^[0-9a-f]{32}\.(?:jpg|png|webp|avif|gif)$/
const PATH = /^(?:\/cdn-cgi\/image\/[^/]+)?\/media\/([^/?#]+)$/

/**
 * The library key of `src`, or null when it is not a library photo.
 *
 * @example
 * libraryKey('https://tin.example/media/3f1c….jpg', ['https://tin.example']) // '3f1c….jpg'
 */
export function libraryKey(src: string, origins: readonly string[]): string | null {
  let url: URL
  try {
    // A base that no real origin can be, so a relative src is recognised as relative.
    url = new URL(src.trim(), 'http://relative.invalid')
  } catch {
    return null
  }
  const relative = url.origin === 'http://relative.invalid' && src.trim().startsWith('/')
  if (!relative && !origins.includes(url.origin)) return null
  const key = PATH.exec(url.pathname)?.[1]
  return key !== undefined && KEY.test(key) ? key : null
}

/** The stored form of a library photo's address. */
export const mediaPath = (key: string) => `/media/${key}`
