#!/usr/bin/env node
/**
 * npm run bench [-- --large] [--seconds=N] [--pairs=N] [--connections=N]
 *                  [--d1-latency=0,25] [--ttl=S] [--harnesses=miniflare,wrangler-dev]
 *
 * Seeds 10,000 Vietnamese articles (100,000 with --large) into a temporary local
 * D1, then loads the public API with autocannon on loopback (32 connections) and
 * reports req/s, p50, p99 and the ratio to a bare route: every scenario runs in
 * short slices, each right after a slice of the bare route, and medians over the
 * pairs are reported. A cache miss is also timed at one connection (p50 1c): its
 * latency without queueing behind 31 other requests on a shared 2-core machine.
 *
 * --d1-latency: milliseconds added to every D1 round trip (the bench's entry module,
 *   bench/worker/index.ts, wraps the binding; the production bundle has no such
 *   code); each value is a run of its own (default 0 and 25).
 * --ttl: READ_CACHE_TTL. Without it, each latency runs twice: cache misses
 *   (READ_CACHE_TTL=0, reads rotating over thousands of URLs) and hot URLs (the
 *   read cache of wrangler.toml). --ttl=0 runs the misses only; any other value, hot only.
 * Both harnesses run every combination: Miniflare's API with the `wrangler deploy
 *   --dry-run` bundle, then `wrangler dev` (what npm start runs; its proxy caps it far
 *   below Miniflare's API, see docs/performance.md). --harnesses=miniflare (or
 *   --no-wrangler-dev) runs only the former, --harnesses=wrangler-dev only the latter.
 *
 * Writes bench/results/latest.json (latest-100k.json with --large). Offline; every
 * process it starts is stopped and its temporary directory removed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedingMiniflare, startMiniflare, startWranglerDev, wrangler } from './harness.mjs'
import { BASELINE, measure, scenarios } from './load.mjs'
import { compareSizes, failures, summarize, table, targetsFor } from './report.mjs'
import { seed } from './seed.mjs'

const args = process.argv.slice(2)
const large = args.includes('--large')
const articles = large ? 100_000 : 10_000
const option = (name, fallback) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback
const seconds = Number(option('seconds', 2))
const pairs = Number(option('pairs', 3))
const load = { seconds, connections: Number(option('connections', 32)), pipelining: 1 }
const latencies = option('d1-latency', '0,25').split(',').map(Number)
const ttl = option('ttl', undefined)
const chosenHarnesses = option('harnesses', args.includes('--no-wrangler-dev') ? 'miniflare' : 'miniflare,wrangler-dev').split(',')
const modes = ttl === undefined ? ['miss', 'hot'] : [ttl === '0' ? 'miss' : 'hot']
const ttlOf = (mode) => (mode === 'miss' ? '0' : ttl)
const resultName = `latest${large ? '-100k' : ''}.json`
const results = join(import.meta.dirname, 'results')
const ENTRY = join('bench', 'worker', 'index.ts')
const log = (msg) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`)
const started = performance.now()

const work = mkdtempSync(join(tmpdir(), 'tin-bench-'))
const state = join(work, 'state')
const running = new Set()
const cleanup = async () => {
  for (const server of running) await server.stop().catch(() => {})
  rmSync(work, { recursive: true, force: true })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => cleanup().then(() => process.exit(130)))

const varsFor = (mode, latency) => ({ BENCH_D1_DELAY_MS: String(latency), ...(ttlOf(mode) === undefined ? {} : { READ_CACHE_TTL: ttlOf(mode) }) })

/**
 * Waits until the server has finished what the last slice left in flight (up to 5 s):
 * a slow scenario's queued requests would otherwise land in the next baseline slice.
 */
async function settle(url) {
  const deadline = Date.now() + 5_000
  while (Date.now() < deadline) {
    const t = performance.now()
    await fetch(`${url}${BASELINE.path}`).then((r) => r.arrayBuffer(), () => null)
    if (performance.now() - t < 20) return
  }
}

/** Starts a server, runs each scenario in `count` slices paired with baseline slices, stops it. */
async function harness(start, list, count, mode) {
  const server = await start()
  running.add(server)
  try {
    await measure(server.url, BASELINE, { ...load, seconds: 1 })
    const out = []
    for (const scenario of list) {
      await measure(server.url, scenario, { ...load, seconds: 1 })
      const measured = []
      for (let i = 0; i < count; i++) {
        await settle(server.url)
        const baseline = await measure(server.url, BASELINE, load)
        measured.push({ baseline, scenario: await measure(server.url, scenario, load) })
      }
      await settle(server.url)
      // A cache miss's latency without queueing: one connection, one request at a time.
      const single = mode === 'miss' ? await measure(server.url, scenario, { ...load, connections: 1 }) : undefined
      if (single) await settle(server.url)
      log(`${server.name}: ${scenario.name} ${measured.map((m) => `${m.scenario.rps}/${m.baseline.rps}`).join(' ')} req/s (scenario/baseline)${single ? `, p50 ${single.p50} ms at 1 connection` : ''}`)
      out.push({ name: scenario.name, path: scenario.path, pairs: measured, single })
    }
    return out
  } finally {
    running.delete(server)
    await server.stop()
  }
}

try {
  // wrangler dev serves admin-ui/dist as assets; a fresh clone has not built it.
  mkdirSync(join(import.meta.dirname, '..', 'admin-ui', 'dist'), { recursive: true })
  log('building the bench worker (wrangler deploy --dry-run bench/worker/index.ts) and applying migrations')
  wrangler(['deploy', '--dry-run', '--outdir', join(work, 'dist'), ENTRY])
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state])

  log(`seeding ${articles} articles`)
  const seeding = await seedingMiniflare(state)
  const seeder = { stop: () => seeding.mf.dispose() }
  running.add(seeder)
  const data = await seed(seeding.d1, { articles, onProgress: (n) => n % 20_000 === 0 && log(`  ${n} articles`) })
  running.delete(seeder)
  await seeder.stop()
  const shuffle = (list) => list.map((x) => [Math.random(), x]).sort((a, b) => a[0] - b[0]).map(([, x]) => x)
  const seeded = {
    slugs: shuffle(data.slugs.slice(1)),
    ids: shuffle(data.published.map((a) => a.id)),
    hotSlug: data.slugs[0],
    hotId: data.published[0].id,
    category: 'thoi-su',
    categories: data.categories,
    tags: data.tags,
    authors: data.authors,
  }
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)}s`)

  const runs = []
  const shape = `${articles} articles, ${seconds} s slices, ${load.connections} connections`
  const harnesses = [
    { name: 'Miniflare API', key: 'miniflare', pairs, start: (vars) => startMiniflare({ scriptPath: join(work, 'dist', 'index.js'), state, vars }) },
    // wrangler dev (what npm start runs) serves a few hundred req/s here: two pairs say enough.
    { name: 'wrangler dev', key: 'wrangler-dev', pairs: Math.min(pairs, 2), start: (vars) => startWranglerDev({ state, vars, entry: ENTRY }) },
  ].filter((h) => chosenHarnesses.includes(h.key))
  for (const h of harnesses) {
    for (const latency of latencies) {
      for (const mode of modes) {
        const vars = varsFor(mode, latency)
        const summary = summarize(await harness(() => h.start(vars), scenarios(seeded, mode), h.pairs, mode), { targets: targetsFor(mode, latency) })
        runs.push({ harness: h.key, cache: mode, d1_latency_ms: latency, read_cache_ttl: vars.READ_CACHE_TTL ?? 'wrangler.toml', pairs: h.pairs, ...summary })
        console.log(table(`${h.name}, cache ${mode === 'miss' ? 'misses (READ_CACHE_TTL=0)' : 'hot'}, D1 +${latency} ms per round trip (${shape}, ${h.pairs} pairs)`, summary))
      }
    }
  }

  const report = { articles, date: new Date().toISOString(), node: process.version, load: { ...load, pairs }, runs }
  const tenK = join(results, 'latest.json')
  if (large && existsSync(tenK)) report.vs_10k = compareSizes(report, JSON.parse(readFileSync(tenK, 'utf8')))
  if (report.vs_10k) {
    console.log('\n100k vs 10k (Miniflare, 0 ms, req/s as a ratio of each run\'s baseline):')
    for (const c of report.vs_10k) console.log(`  ${c.name.padEnd(22)} ${c.rps_ratio_10k} -> ${c.rps_ratio_100k} (${(c.change * 100).toFixed(1)}%)  ${c.within_10_percent ? 'not more than 10% slower' : 'MORE than 10% slower'}`)
  }
  const failed = runs.flatMap((r) => r.scenarios).reduce((n, s) => n + failures(s), 0)
  console.log(`\n${failed} failed requests in all runs (connection errors, timeouts, 4xx and 5xx answers)`)
  mkdirSync(results, { recursive: true })
  writeFileSync(join(results, resultName), `${JSON.stringify(report, null, 2)}\n`)
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)}s`)
} finally {
  await cleanup()
}
