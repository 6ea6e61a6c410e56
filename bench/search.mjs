/**
 * Search latency at 10,000 articles (100,000 with --large) on local workerd + D1.
 *
 *   node bench/search.mjs [--large] [--seconds N]
 *
 * Builds the worker as it deploys (`wrangler deploy --dry-run`), runs it in
 * Miniflare with an in-memory D1, applies the migrations, seeds generated
 * Vietnamese articles (bench/lib/vi-news.mjs) with their tags, then sends
 * sequential requests for a fixed time per route and prints p50/p99, with
 * /api/v1/categories (one small indexed query) as the baseline in the same run.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare, convertV4MiniflareOptions } from 'miniflare'
import { seedArticles } from './lib/seed.mjs'

const args = process.argv.slice(2)
const COUNT = args.includes('--large') ? 100_000 : 10_000
const SECONDS = Number(args[args.indexOf('--seconds') + 1]) || 10
const root = join(import.meta.dirname, '..')

const QUERIES = [
  'lang son', 'Lạng Sơn', 'doan thanh nien', 'thua thien hue', 'gia vang', '"cao tốc Bắc - Nam"', 'sot xuat huyet',
  'Đoàn', 'xuat khau gao', 'phu quo', 'dak lak ca phe', 'ha noi', 'viet nam', 'nguoi dan', 'tp.hcm trieu cuong',
  'hoc sinh gioi', 'bao so 3', 'mua rối nước', 'ng', 'tri tue nhan tao chan doan ung thu',
]

function build() {
  const out = mkdtempSync(join(tmpdir(), 'bench-search-'))
  execFileSync(process.execPath, [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return out
}

async function migrate(db) {
  const dir = join(root, 'schema/migrations')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
    // D1's exec() takes one statement per line: collapse each statement (triggers
    // included) onto one line, splitting at `;` that ends a line outside BEGIN…END.
    const statements = []
    let current = ''
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const code = line.replace(/--.*$/, '').trim()
      if (!code) continue
      current += ` ${code}`
      const inTrigger = /\bBEGIN\b/i.test(current) && !/\bEND;$/i.test(code)
      if (code.endsWith(';') && !inTrigger) {
        statements.push(current.trim())
        current = ''
      }
    }
    for (const s of statements) await db.prepare(s).run()
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function measure(mf, label, paths, { seconds = SECONDS, max = Infinity } = {}) {
  const times = []
  const deadline = performance.now() + seconds * 1000
  for (let i = 0; i < max && performance.now() < deadline; i++) {
    const started = performance.now()
    const res = await mf.dispatchFetch(`http://localhost${paths[i % paths.length]}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${label}: ${res.status} for ${paths[i % paths.length]}`)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { label, n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) }
}

const out = build()
let mf
try {
  // Miniflare 5 takes `workers: [{ config }]`; the converter accepts the classic options.
  mf = new Miniflare(
    convertV4MiniflareOptions({
      name: 'tin-edge-cms',
      modules: true,
      scriptPath: join(out, 'index.js'),
      modulesRoot: out,
      compatibilityDate: '2026-11-01',
      compatibilityFlags: ['nodejs_compat'],
      d1Databases: ['DB'],
      kvNamespaces: ['VIEWS'],
      r2Buckets: ['MEDIA'],
      // READ_CACHE_TTL 0: measure ranking itself, as for a query nobody asked in the
      // last seconds (repeated queries are served from the read cache; npm run bench
      // measures that path).
      bindings: { READ_CACHE_TTL: '0', SITE_NAME: 'Bench', SITE_URL: 'http://localhost', SITE_TIMEZONE: 'Asia/Ho_Chi_Minh', SITE_LANGUAGE: 'vi', ARTICLE_URL_PATTERN: '/{category}/{slug}', CORS_ORIGINS: '*' },
    }),
  )
  const db = await mf.getD1Database('DB')
  await migrate(db)
  const seeded = performance.now()
  await seedArticles(db, COUNT)
  console.log(`seeded ${COUNT.toLocaleString('en')} articles in ${((performance.now() - seeded) / 1000).toFixed(1)} s`)

  const search = QUERIES.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`)
  const rows = [
    await measure(mf, 'baseline /api/v1/categories', ['/api/v1/categories']),
    await measure(mf, 'search (20 queries, limit 20)', search),
    await measure(mf, 'search + category filter', search.map((p) => `${p}&category=thoi-su`)),
    await measure(mf, 'related (limit 5)', Array.from({ length: 50 }, (_, i) => `/api/v1/articles/${1 + ((i * 197) % COUNT)}/related`)),
  ]
  const base = rows[0].p50
  console.log(`\n${COUNT.toLocaleString('en')} articles, sequential requests, ${SECONDS} s per route`)
  console.log('route'.padEnd(34), 'requests'.padStart(8), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'p50/base'.padStart(9))
  for (const r of rows) {
    console.log(r.label.padEnd(34), String(r.n).padStart(8), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8), `${(r.p50 / base).toFixed(1)}x`.padStart(9))
  }
  const perQuery = []
  for (const [i, q] of QUERIES.entries()) perQuery.push(await measure(mf, q, [search[i]], { seconds: 2, max: 25 }))
  perQuery.sort((x, y) => y.p50 - x.p50)
  console.log(`slowest queries (p50 ms): ${perQuery.slice(0, 4).map((r) => `${r.label} ${r.p50.toFixed(1)}`).join(', ')}`)
} finally {
  await mf?.dispose()
  rmSync(out, { recursive: true, force: true })
}
