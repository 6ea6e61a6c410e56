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
    corsOrigins: (env.CORS_ORIGINS || '*').split(',').map((o) => o.trim()).filter(Boolean),
  }
  cache.set(env, settings)
  return settings
}
