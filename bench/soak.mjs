#!/usr/bin/env node
/**
 * npm run soak [-- --seconds=60 --connections=32]
 *
 * The worker as `npm start` serves it (`wrangler dev`, offline) with the black-box
 * suite's newsroom written through the admin API, under 32 connections of reader
 * load (article pages by slug, lists, search, view beacons) for 60 s: once with
 * READ_CACHE_TTL=0 (every read reaches D1) and once with the default. Reports
 * req/s, latency p50/p99, 4xx/5xx answers, client errors and timeouts, the
 * unhandled and hung-request lines the server logged, and whether other clients
 * were served after. Writes bench/results/soak-latest.json. Not part of npm test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { healthProblems } from '../tests/blackbox/support/health.ts'
import { buildNewsroom, openNewsroom } from '../tests/blackbox/support/newsroom.ts'
import { alarmingLines } from '../tests/blackbox/support/server-log.ts'
import { mix, soak } from './lib/soak-mix.mjs'

const option = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const load = { seconds: option('seconds', 60), connections: option('connections', 32) }
const started = performance.now()
const say = (msg) => process.stderr.write(`[soak ${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`)

/** The distinct errors in the log, most frequent first: "Error: Cannot perform I/O… ×412". */
function logged(output) {
  const counts = new Map()
  for (const line of alarmingLines(output)) {
    const error = /"error":"([^"]{0,160})/.exec(line)?.[1] ?? line.replace(/^.*?(code had hung)/, '$1').slice(0, 160)
    counts.set(error, (counts.get(error) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([error, n]) => `${error} ×${n}`)
}

async function run(template, name, vars) {
  say(`${name}: starting wrangler dev`)
  const room = await openNewsroom(template, vars)
  try {
    say(`${name}: ${load.connections} connections for ${load.seconds} s`)
    const figures = await soak(room.url, mix(room), load)
    const after = await healthProblems(room)
    await room.close()
    const lines = alarmingLines(room.log())
    return {
      name, ...figures,
      unhandledLines: lines.filter((l) => /unhandled/i.test(l)).length,
      hungLines: lines.filter((l) => /had hung/i.test(l)).length,
      errorsLogged: logged(room.log()).slice(0, 6),
      othersServedAfter: after.length === 0 ? 'yes' : after,
    }
  } finally {
    await room.close()
  }
}

const template = await mkdtemp(join(tmpdir(), 'tin-soak-'))
try {
  await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
  say('writing the newsroom through the admin API')
  const { report } = await buildNewsroom(template)
  say(`corpus: ${report.articles.length}/${report.planned.articles} articles, ${report.failures.length} refused`)
  const runs = [await run(template, 'READ_CACHE_TTL=0', { READ_CACHE_TTL: '0' }), await run(template, 'READ_CACHE_TTL default (10 s)', {})]
  const result = { date: new Date().toISOString(), load, corpus: { articles: report.articles.length, planned: report.planned.articles, refused: report.failures.length, firstRefusal: report.failures[0] ?? null }, runs }
  await writeFile(join(import.meta.dirname, 'results', 'soak-latest.json'), `${JSON.stringify(result, null, 2)}\n`)
  for (const r of runs) {
    console.log(`\n${r.name}: ${r.requests} requests, ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`)
    console.log(`  answers: ${JSON.stringify(r.statuses)}; 4xx/5xx ${r.notOk}, 5xx ${r.fiveXX}; client errors ${r.errors}, timeouts ${r.timeouts}`)
    console.log(`  server log: ${r.unhandledLines} unhandled, ${r.hungLines} hung${r.errorsLogged.length ? `\n    ${r.errorsLogged.join('\n    ')}` : ''}`)
    console.log(`  other clients served after: ${r.othersServedAfter === 'yes' ? 'yes' : `no\n    ${r.othersServedAfter.join('\n    ')}`}`)
  }
  console.log('\nbench/results/soak-latest.json written')
} finally {
  await rm(template, { recursive: true, force: true })
}
