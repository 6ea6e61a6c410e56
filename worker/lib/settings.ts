/**
 * Site settings come from wrangler vars (overridable per environment with
 * `[env.NAME.vars]`). They are read once per env object and checked, so a typo in a
 * time zone fails loudly at the first request instead of printing wrong times.
 */
export interface SiteSettings {
  name: string
  /** Public site URL without a trailing slash, e.g. https://tin.example.vn */
  url: string
  timeZone: string
  language: string
  /** Pattern of an article's public URL: `{category}`, `{slug}`, `{id}`, `{yyyy}`, `{mm}`, `{dd}`. */
  articleUrlPattern: string
  /** Origins allowed to call the public API from a browser; `['*']` for any. */
  corsOrigins: string[]
  /** Largest accepted media upload in bytes (`MEDIA_MAX_BYTES`, docs/media.md). */
  mediaMaxBytes: number
  /** Cloudflare Image Resizing is on: media items offer `srcset` widths (`IMAGE_RESIZING`). */
  imageResizing: boolean
  /** srcset widths, ascending (`IMAGE_WIDTHS`). */
  imageWidths: number[]
  /** Lowercase hosts whose https images article bodies may load (`IMAGE_HOSTS`); empty: only `/media/`. */
  imageHosts: string[]
}

/** 20 MiB; a Workers request body may be 100 MB on the Free and Pro plans (docs/limits.md). */
export const DEFAULT_MEDIA_MAX_BYTES = 20 * 1024 * 1024
const MAX_MEDIA_MAX_BYTES = 100_000_000

const list = (raw: string | undefined) => (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)

function mediaSettings(env: Partial<Record<'MEDIA_MAX_BYTES' | 'IMAGE_RESIZING' | 'IMAGE_WIDTHS' | 'IMAGE_HOSTS', string>>) {
  const maxRaw = env.MEDIA_MAX_BYTES || String(DEFAULT_MEDIA_MAX_BYTES)
  const mediaMaxBytes = /^[0-9]{1,9}$/.test(maxRaw) ? Number(maxRaw) : NaN
  if (!(mediaMaxBytes >= 1 && mediaMaxBytes <= MAX_MEDIA_MAX_BYTES)) {
    throw new Error(`MEDIA_MAX_BYTES "${maxRaw}" is not a whole number of bytes from 1 to ${MAX_MEDIA_MAX_BYTES}`)
  }
  const resizing = (env.IMAGE_RESIZING || 'off').trim().toLowerCase()
  if (resizing !== 'on' && resizing !== 'off') throw new Error(`IMAGE_RESIZING "${env.IMAGE_RESIZING}" must be on or off`)
  const widths = list(env.IMAGE_WIDTHS || '480,800,1200,1600')
  if (widths.length === 0 || widths.some((w) => !/^[1-9][0-9]{0,4}$/.test(w))) {
    throw new Error(`IMAGE_WIDTHS "${env.IMAGE_WIDTHS}" must be comma-separated widths in pixels, e.g. 480,800,1200,1600`)
  }
  const imageHosts = list(env.IMAGE_HOSTS).map((h) => h.toLowerCase())
  const badHost = imageHosts.find((h) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/.test(h))
  if (badHost !== undefined) throw new Error(`IMAGE_HOSTS has "${badHost}", which is not a host name (no scheme, no path)`)
  return {
    mediaMaxBytes,
    imageResizing: resizing === 'on',
    imageWidths: [...new Set(widths.map(Number))].sort((a, b) => a - b),
    imageHosts,
  }
}

const cache = new WeakMap<object, SiteSettings>()

export function siteSettings(env: Env): SiteSettings {
  let settings = cache.get(env)
  if (settings) return settings
  const timeZone = env.SITE_TIMEZONE || 'Asia/Ho_Chi_Minh'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
  } catch {
    throw new Error(`SITE_TIMEZONE "${timeZone}" is not an IANA time zone`)
  }
  settings = {
    name: env.SITE_NAME || 'Tin Edge',
    url: (env.SITE_URL || 'http://127.0.0.1:8787').replace(/\/+$/, ''),
    timeZone,
    language: env.SITE_LANGUAGE || 'vi',
    articleUrlPattern: env.ARTICLE_URL_PATTERN || '/{category}/{slug}',
    corsOrigins: list(env.CORS_ORIGINS || '*'),
    ...mediaSettings(env),
  }
  cache.set(env, settings)
  return settings
}
