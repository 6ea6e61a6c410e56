/**
 * Attribute guards the sanitizer applies before its own scheme check.
 *
 * Browsers strip leading C0 controls and spaces from a URL and delete tabs and
 * newlines anywhere in it, so `\u0001javascript:` or `java\nscript:` still runs
 * script; sanitize-html only trims ASCII and lets `\u2028javascript:` through as a
 * "relative" URL. No real link holds a control, format or line/paragraph separator
 * character, so any such URL is dropped rather than repaired.
 */
const UNSAFE_URL_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|^\p{Z}/u

/** The URL, or undefined when it carries characters a browser would strip or fold. */
export const safeUrl = (url: string | undefined) => (url === undefined || UNSAFE_URL_CHARS.test(url) ? undefined : url)

/**
 * Features an embedded player may ask for through `<iframe allow>`; anything else
 * (camera, microphone, geolocation, payment, usb…) is dropped. Origins after a
 * feature are dropped too: the feature then applies to the iframe's own origin only.
 */
export const IFRAME_ALLOW = ['accelerometer', 'autoplay', 'clipboard-write', 'encrypted-media', 'fullscreen', 'gyroscope', 'picture-in-picture', 'web-share'] as const

/** `allow` reduced to IFRAME_ALLOW features, or undefined when none is left. */
export function safeIframeAllow(allow: string | undefined): string | undefined {
  if (allow === undefined) return undefined
  const features = allow.split(';').map((d) => d.trim().split(/\s+/)[0]!.toLowerCase())
  const kept = [...new Set(features.filter((f) => (IFRAME_ALLOW as readonly string[]).includes(f)))]
  return kept.length ? kept.join('; ') : undefined
}

/** `rel` for a link with a `target`: whatever it had, plus noopener and noreferrer. */
export function relForTarget(rel: string | undefined): string {
  const tokens = new Set((rel ?? '').toLowerCase().split(/\s+/).filter(Boolean))
  tokens.add('noopener')
  tokens.add('noreferrer')
  return [...tokens].join(' ')
}

/** Drops undefined values, so a refused attribute is left out rather than emptied. */
export const defined = (attribs: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(attribs).filter(([, v]) => v !== undefined)) as Record<string, string>
