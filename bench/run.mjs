#!/usr/bin/env node
/**
 * npm run bench [-- --large] [--seconds=N] [--pairs=N] [--ttl=S]
 *
 * --ttl=0 serves every read from D1 (READ_CACHE_TTL=0): what a cache miss costs.
 *
 * Seeds 10,000 Vietnamese articles (100,000 with --large) into a temporary local
 * D1, then measures the public API under `wrangler dev` and under Miniflare's API
 * with autocannon on loopback, and reports req/s, p50, p99 and the ratio to a bare
 * route: every scenario runs in short slices, each right after a slice of the bare
 * route, and medians over the pairs are reported. Writes
 * bench/results/latest.json (latest-100k.json with --large). Offline; every
 * process it starts is stopped and its temporary directory removed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedingMiniflare, startMiniflare, startWranglerDev, wrangler } from './harness.mjs'
import { BASELINE, measure, scenarios } from './load.mjs'
import { compareSizes, summarize, table } from './report.mjs'
import { seed } from './seed.mjs'

const args = process.argv.slice(2)
const large = args.includes('--large')
const articles = large ? 100_000 : 10_000
const option = (name, fallback) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const seconds = option('seconds', 2)
const pairs = option('pairs', 3)
const load = { seconds, connections: 2, pipelining: 4 }
const ttlArg = args.find((a) => a.startsWith('--ttl='))
const vars = ttlArg ? { READ_CACHE_TTL: ttlArg.split('=')[1] } : {}
const resultName = `latest${large ? '-100k' : ''}${ttlArg ? `-ttl${vars.READ_CACHE_TTL}` : ''}.json`
const results = join(import.meta.dirname, 'results')
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

/** Starts a server, runs each scenario in `count` slices paired with baseline slices, stops it. */
async function harness(start, seeded, count) {
  const server = await start()
  running.add(server)
  try {
    await measure(server.url, BASELINE, { ...load, seconds: 1 })
    const out = []
    for (const scenario of scenarios(seeded)) {
      if (scenario.warmup !== false) await measure(server.url, scenario, { ...load, seconds: 1 })
      const measured = []
      for (let i = 0; i < count; i++) {
        measured.push({ baseline: await measure(server.url, BASELINE, load), scenario: await measure(server.url, scenario, load) })
      }
      log(`${server.name}: ${scenario.name} ${measured.map((m) => `${m.scenario.rps}/${m.baseline.rps}`).join(' ')} req/s (scenario/baseline)`)
      out.push({ name: scenario.name, path: scenario.path, pairs: measured })
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
  log('building the worker (wrangler deploy --dry-run) and applying migrations')
  wrangler(['deploy', '--dry-run', '--outdir', join(work, 'dist')])
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state])

  log(`seeding ${articles} articles`)
  const seeding = await seedingMiniflare(state)
  const seeder = { stop: () => seeding.mf.dispose() }
  running.add(seeder)
  const data = await seed(seeding.d1, { articles, onProgress: (n) => n % 20_000 === 0 && log(`  ${n} articles`) })
  running.delete(seeder)
  await seeder.stop()
  const slugs = data.slugs.slice(1).sort(() => Math.random() - 0.5)
  const seeded = { slugs, hotSlug: data.slugs[0], hotId: data.published[0].id, category: 'thoi-su' }
  log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)}s`)

  const miniflare = summarize(await harness(() => startMiniflare({ scriptPath: join(work, 'dist', 'index.js'), state, vars }), seeded, pairs), { judged: true })
  // wrangler dev serves ~100-300 req/s here (see docs/views.md): two pairs say enough.
  const wranglerDev = summarize(await harness(() => startWranglerDev({ state, vars }), seeded, Math.min(pairs, 2)), { judged: false })

  const report = {
    articles,
    date: new Date().toISOString(),
    node: process.version,
    load: { ...load, pairs },
    read_cache_ttl: vars.READ_CACHE_TTL ?? 'wrangler.toml',
    harnesses: { miniflare, 'wrangler dev': wranglerDev },
  }
  const tenK = join(results, 'latest.json')
  if (large && !ttlArg && existsSync(tenK)) report.vs_10k = compareSizes(report, JSON.parse(readFileSync(tenK, 'utf8')))

  const shape = `${articles} articles, ${seconds} s per scenario, ${load.connections} connections x ${load.pipelining} pipelined`
  console.log(table(`Miniflare API (${shape}, ${pairs} pairs)`, miniflare))
  console.log(table(`wrangler dev (${shape}, ${Math.min(pairs, 2)} pairs)`, wranglerDev))
  if (report.vs_10k) {
    console.log('\n100k vs 10k (Miniflare, req/s as a ratio of each run\'s baseline):')
    for (const c of report.vs_10k) console.log(`  ${c.name.padEnd(14)} ${c.rps_ratio_10k} -> ${c.rps_ratio_100k} (${(c.change * 100).toFixed(1)}%)  ${c.within_10_percent ? 'within 10%' : 'MORE than 10% slower'}`)
  }
  mkdirSync(results, { recursive: true })
  writeFileSync(join(results, resultName), `${JSON.stringify(report, null, 2)}\n`)
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)}s`)
} finally {
  await cleanup()
}
