/**
 * The scenarios and the autocannon runs. Each run lasts a fixed time on loopback
 * with a few connections and pipelining (two cores are shared by the server and
 * the load generator); status codes are counted, so a route that answers 404
 * (search, before its branch is merged) is reported, not fatal.
 */
import autocannon from 'autocannon'

const BROWSER_UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

/** The bare route every scenario is compared to. */
export const BASELINE = { name: 'baseline', path: '/api/v1/health' }

/** The scenarios, in run order: cold slugs must come before anything warms them. */
export function scenarios({ slugs, hotSlug, hotId, category }) {
  let next = 0
  return [
    {
      name: 'slug cold',
      path: `/api/v1/articles/slug/${slugs[0]}`,
      warmup: false,
      // Every request asks for a slug not asked before in this process.
      requests: [{ setupRequest: (req) => ({ ...req, path: `/api/v1/articles/slug/${slugs[next++ % slugs.length]}` }) }],
    },
    { name: 'slug warm', path: `/api/v1/articles/slug/${hotSlug}` },
    { name: 'list', path: '/api/v1/articles?limit=20' },
    { name: 'list category', path: `/api/v1/articles?limit=20&category=${category}` },
    // Not a target: the same list trimmed to headline fields (2 KB instead of ~85 KB),
    // to show how much of the list's cost is moving full article bodies.
    { name: 'list headlines', path: '/api/v1/articles?limit=20&fields=id,slug,title,url,published_at,views' },
    { name: 'search', path: `/api/v1/search?q=${encodeURIComponent('giá vàng')}` },
    { name: 'most-read', path: '/api/v1/most-read?window=24h' },
    {
      name: 'beacon',
      path: `/api/v1/articles/${hotId}/views`,
      method: 'POST',
      headers: { 'user-agent': BROWSER_UA, 'content-type': 'text/plain;charset=UTF-8' },
      body: '',
    },
  ]
}

/** Runs one scenario against a server for `seconds`. */
export async function measure(url, scenario, { seconds, connections, pipelining }) {
  const result = await run({
    url: `${url}${scenario.path}`,
    connections,
    pipelining,
    duration: seconds,
    method: scenario.method ?? 'GET',
    headers: scenario.headers,
    body: scenario.body,
    requests: scenario.requests,
  })
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]))
  return {
    name: scenario.name,
    path: scenario.path,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  }
}
