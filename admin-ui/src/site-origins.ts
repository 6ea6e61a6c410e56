declare const __SITE_URL__: string

/** This site's origins: where the admin runs, and the public URL the API writes into absolute links. */
export function siteOrigins(): string[] {
  const origins = [location.origin]
  try {
    if (typeof __SITE_URL__ === 'string') origins.push(new URL(__SITE_URL__).origin)
  } catch {
    // An unusable SITE_URL at build time: the admin's origin only.
  }
  return origins
}
