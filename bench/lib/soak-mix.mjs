/**
 * What 32 readers of a news site do at once, for `npm run soak`: open article
 * pages by slug (a different article each time), headline lists (home and
 * category pages), search, and send a view beacon from each article page.
 * Every request differs from the one before, so with READ_CACHE_TTL=0 each one
 * reaches D1 and with the default the cache is exercised as in production.
 */
import autocannon from 'autocannon'

/** What a front page lists: headlines, not bodies. */
const TEASER = 'fields=id,slug,url,title,summary,cover,category,published_at,published_at_display'
const BROWSER_UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'

/** The request cycle: 40% article by slug, 25% lists, 20% search, 15% beacons. */
export function mix(room) {
  const articles = room.readable
  const categories = room.report.categories.map((c) => c.slug)
  const words = articles.map((a) => a.title.split(/[\s:,;–]+/).slice(0, 3).join(' '))
  const out = []
  for (let i = 0; i < 2_000; i++) {
    const a = articles[i % articles.length]
    const kind = i % 20
    if (kind < 8) out.push({ method: 'GET', path: `/api/v1/articles/slug/${a.slug}` })
    else if (kind < 11) out.push({ method: 'GET', path: `/api/v1/articles?limit=${10 + (i % 40)}&${TEASER}` })
    else if (kind < 13) out.push({ method: 'GET', path: `/api/v1/articles?limit=20&category=${categories[i % categories.length] ?? 'thoi-su'}&${TEASER}` })
    else if (kind < 17) out.push({ method: 'GET', path: `/api/v1/search?q=${encodeURIComponent(words[i % words.length])}` })
    else out.push({ method: 'POST', path: `/api/v1/articles/${a.id}/views`, headers: { 'user-agent': BROWSER_UA, 'content-type': 'text/plain;charset=UTF-8' }, body: '' })
  }
  return out
}

/** `seconds` of `connections`-connection load over the cycle; the figures a report quotes. */
export function soak(url, cycle, { seconds, connections }) {
  let next = 0
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => {
              const r = cycle[next++ % cycle.length]
              return { ...req, method: r.method, path: r.path, body: r.body, headers: { ...req.headers, ...r.headers } }
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err)
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]))
        const sum = (test) => Object.entries(statuses).filter(([code]) => test(Number(code))).reduce((n, [, c]) => n + c, 0)
        resolve({
          requests: result.requests.total,
          rps: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          statuses,
          notOk: sum((c) => c >= 400),
          fiveXX: sum((c) => c >= 500),
          errors: result.errors,
          timeouts: result.timeouts,
        })
      },
    )
  })
}
