import { isMediaKey } from '../media-key'

/**
 * Which images an article body may show (docs/media.md, "Articles"): the settings
 * the sanitizer needs, passed in so that sanitizing stays a pure function.
 *
 * @example
 * const policy: ImagePolicy = { siteUrl: settings.url, imageHosts: settings.imageHosts }
 */
export interface ImagePolicy {
  /** The site's public URL without a trailing slash: `${siteUrl}/media/{key}` is a library image. */
  siteUrl: string
  /** Lowercase hosts (`host` or `host:port`) whose https images may be loaded. */
  imageHosts: readonly string[]
}

/** The policy of the site's settings. */
export const imagePolicy = (settings: { url: string; imageHosts: readonly string[] }): ImagePolicy => ({ siteUrl: settings.url, imageHosts: settings.imageHosts })

const MEDIA_PATH = '/media/'

function httpsOnAllowedHost(src: string, hosts: readonly string[]): string | null {
  let url: URL
  try {
    url = new URL(src)
  } catch {
    return null
  }
  if (url.protocol !== 'https:' || url.username || url.password || !hosts.includes(url.host.toLowerCase())) return null
  return url.href
}

/**
 * The stored form of an image's src, or null when the image is refused:
 * `/media/{key}` as is, the site's absolute `/media/` URL made relative, an https
 * URL on an allowed host normalized. Anything else (data:, http:, other hosts,
 * other paths, protocol-relative) is null.
 */
export function canonicalImageSrc(raw: string, policy: ImagePolicy): string | null {
  const src = raw.trim()
  const absolute = `${policy.siteUrl}${MEDIA_PATH}`
  const key = src.startsWith(MEDIA_PATH) ? src.slice(MEDIA_PATH.length) : src.startsWith(absolute) ? src.slice(absolute.length) : null
  if (key !== null) return isMediaKey(key) ? MEDIA_PATH + key : null
  return httpsOnAllowedHost(src, policy.imageHosts)
}

const dimension = (raw: string | undefined) => (raw !== undefined && /^\s*[1-9][0-9]{0,4}\s*$/.test(raw) ? String(Number(raw)) : undefined)

/**
 * An img's attributes in their one stored order (src, alt, width, height), or none
 * at all when its src is refused (the sanitizer then drops the image whole).
 */
export function imageAttribs(attribs: Record<string, string>, policy: ImagePolicy): Record<string, string> {
  const src = attribs.src === undefined ? null : canonicalImageSrc(attribs.src, policy)
  if (src === null) return {}
  const out: Record<string, string> = { src, alt: attribs.alt ?? '' }
  const width = dimension(attribs.width)
  const height = dimension(attribs.height)
  if (width) out.width = width
  if (height) out.height = height
  return out
}
