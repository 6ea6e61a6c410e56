/**
 * The scenarios and the autocannon runs. Each run lasts a fixed time on loopback
 * (32 connections by default, as the measurements); status codes are
 * counted, so a route that answers an error is reported, not fatal.
 *
 * Two sets of scenarios:
 * - `miss`, run with READ_CACHE_TTL=0: every read goes to D1, and reads rotate over
 *   thousands of slugs and ids, every category, tag and author, and a hundred
 *   searches, so no SQLite page or isolate cache favours one URL;
 * - `hot`, run with the read cache on: the same URL over and over, served from
 *   isolate memory after the first request.
 */
import autocannon from 'autocannon'
import { PLACES, TAG_WORDS } from './corpus.mjs'

const BROWSER_UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36'
const BEACON = { method: 'POST', headers: { 'user-agent': BROWSER_UA, 'content-type': 'text/plain;charset=UTF-8' }, body: '' }

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)))
  })
}

/** The bare route every scenario is compared to. */
export const BASELINE = { name: 'baseline', path: '/api/v1/health' }

/** A scenario whose every request takes the next of `paths` (shared by all connections). */
function rotating(name, paths, extra = {}) {
  let next = 0
  return { name, path: paths[0], requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }], ...extra }
}

const SEARCH_WORDS = ['giá vàng', 'cao tốc', 'mưa lớn', 'lua dong xuan', 'xe buyt dien', 'sạt lở', 'điểm chuẩn', 'lễ hội']

/** A hundred-odd searches: every place, place + subject, subjects with and without accents. */
export function searchQueries() {
  const queries = [...PLACES, ...SEARCH_WORDS, ...TAG_WORDS.slice(PLACES.length)]
  for (let i = 0; i < PLACES.length; i++) queries.push(`${PLACES[i]} ${SEARCH_WORDS[i % SEARCH_WORDS.length]}`)
  return [...new Set(queries)].map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`)
}

/** Every read misses the caches (READ_CACHE_TTL=0) and rotates over many URLs. */
function missScenarios({ slugs, ids, categories, tags, authors }) {
  const filters = [...categories.map((s) => `category=${s}`), ...tags.map((s) => `tag=${s}`), ...authors.map((s) => `author=${s}`)]
  const windows = ['24h', '7d', '30d', 'all'].flatMap((w) => [`window=${w}`, ...categories.slice(0, 6).map((c) => `window=${w}&category=${c}`)])
  return [
    rotating('article', slugs.map((s) => `/api/v1/articles/slug/${s}`)),
    rotating('article by id', ids.map((id) => `/api/v1/articles/${id}`)),
    { name: 'list', path: '/api/v1/articles?limit=20' },
    rotating('list filtered', filters.map((f) => `/api/v1/articles?limit=20&${f}`)),
    rotating('search', searchQueries()),
    rotating('related', ids.map((id) => `/api/v1/articles/${id}/related`)),
    rotating('most-read', windows.map((w) => `/api/v1/most-read?${w}`)),
    rotating('beacon', ids.map((id) => `/api/v1/articles/${id}/views`), BEACON),
  ]
}

/** One URL per scenario, served from the read cache after its first request. */
function hotScenarios({ hotSlug, hotId, category }) {
  return [
    { name: 'slug warm', path: `/api/v1/articles/slug/${hotSlug}` },
    { name: 'list', path: '/api/v1/articles?limit=20' },
    { name: 'list category', path: `/api/v1/articles?limit=20&category=${category}` },
    // Not a target: the same list trimmed to headline fields (2 KB instead of ~85 KB),
    // to show how much of the list's cost is moving full article bodies.
    { name: 'list headlines', path: '/api/v1/articles?limit=20&fields=id,slug,title,url,published_at,views' },
    { name: 'search', path: `/api/v1/search?q=${encodeURIComponent('giá vàng')}` },
    { name: 'most-read', path: '/api/v1/most-read?window=24h' },
    { name: 'beacon', path: `/api/v1/articles/${hotId}/views`, ...BEACON },
  ]
}

/** The scenarios of a cache mode (`miss` or `hot`), in run order. */
export const scenarios = (seeded, mode) => (mode === 'miss' ? missScenarios(seeded) : hotScenarios(seeded))

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
