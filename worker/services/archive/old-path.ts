/**
 * The one spelling of an old URL that `redirects.path` stores and the look-up
 * asks for, so `/2016/09/02/Slug/`, `https://old.example/2016/09/02/slug` and
 * `/2016/09/02/slug?utm_source=x#top` are one row:
 * - the scheme and host are dropped (old sites moved hosts too);
 * - the path is percent-decoded, NFC, lowercased, its repeated and trailing
 *   slashes removed (the root stays `/`);
 * - of the query, only WordPress's post ids `p` and `page_id` are kept (`/?p=123`).
 * Returns null for something that is not a path.
 *
 * @example
 * oldPath('https://baocu.vn/?p=123&utm_source=fb') // '/?p=123'
 * oldPath('/Tin-Tuc/12345-Ten-Bai.html') // '/tin-tuc/12345-ten-bai.html'
 */
export function oldPath(raw: string): string | null {
  const text = raw.trim()
  if (!text || text.length > 2000) return null
  let url: URL
  try {
    url = new URL(text, 'http://old.invalid')
  } catch {
    return null
  }
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    path = url.pathname
  }
  path = path.normalize('NFC').toLowerCase().replace(/\/{2,}/g, '/').replace(/\/+$/, '') || '/'
  const kept = ['p', 'page_id'].flatMap((k) => {
    const value = url.searchParams.get(k)
    return value && /^\d+$/.test(value) ? [`${k}=${value}`] : []
  })
  return kept.length ? `${path}?${kept.join('&')}` : path
}
