/**
 * Ratios to the baseline, medians, the targets (Miniflare harness), the
 * printed table and the JSON for bench/results. Every scenario slice is paired with
 * a baseline slice run just before it, and ratios are taken within a pair: the two
 * cores are shared with other work, so absolute req/s swing between minutes while a
 * pair sees the same load.
 */

/**
 * Targets per run: `rps` is the minimum req/s as a fraction of the baseline's, `p50`
 * the most milliseconds the median request may take, `p99x` the most the p99 may be
 * as a multiple of the baseline's. Hot reads come from isolate memory whatever the
 * D1 latency; a cache miss is judged on throughput at 0 ms and on latency at 25 ms.
 */
const HOT = { 'slug warm': { rps: 0.8, p99x: 2 }, list: { rps: 0.5, p99x: 2 }, 'list category': { rps: 0.5, p99x: 2 }, 'most-read': { rps: 0.5, p99x: 2 }, beacon: { rps: 0.8, p99x: 2 } }
export function targetsFor(mode, latencyMs) {
  if (mode === 'hot') return HOT
  if (latencyMs === 0) return { article: { rps: 0.5 }, list: { rps: 0.5 }, beacon: { rps: 0.8 } }
  if (latencyMs === 25) return { article: { p50: 40 }, list: { p50: 40 }, search: { p50: 70 }, beacon: { rps: 0.8 } }
  return { beacon: { rps: 0.8 } }
}

const describeTarget = (t) =>
  [t.rps !== undefined && `>= ${t.rps}x req/s`, t.p50 !== undefined && `p50 <= ${t.p50} ms`, t.p99x !== undefined && `p99 <= ${t.p99x}x`].filter(Boolean).join(', ')
/** Whether a row meets its target; a p50 target is judged at 32 connections and, separately, at one. */
const meets = (t, r) =>
  (t.rps === undefined || r.rps_ratio >= t.rps) && (t.p50 === undefined || r.p50 <= t.p50) && (t.p99x === undefined || r.p99_ratio <= t.p99x) && failures(r) === 0
const meetsAtOne = (t, r) => t.p50 === undefined || r.p50_1c === undefined ? undefined : r.p50_1c <= t.p50

/** Connection errors, timeouts and answers other than 2xx/3xx: every run should have none. */
export const failures = (r) => r.errors + Object.entries(r.statuses).reduce((n, [code, count]) => n + (Number(code) >= 400 ? count : 0), 0)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const round2 = (x) => Math.round(x * 100) / 100

function row(name, path, runs, ratios) {
  const statuses = {}
  for (const run of runs) for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n
  return {
    name,
    path,
    rps: Math.round(median(runs.map((r) => r.rps))),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rps_ratio: round2(median(ratios.map((r) => r.rps))),
    p99_ratio: round2(median(ratios.map((r) => r.p99))),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    statuses,
    errors: runs.reduce((n, r) => n + r.errors, 0),
  }
}

/** One harness's measured pairs -> a row per scenario (plus the baseline's), with verdicts. */
export function summarize(measured, { targets = null } = {}) {
  const baselines = measured.flatMap((m) => m.pairs.map((p) => p.baseline))
  const scenarios = measured.map(({ name, path, pairs, single }) => {
    const ratios = pairs.map((p) => ({ rps: p.scenario.rps / p.baseline.rps, p99: p.scenario.p99 / p.baseline.p99 }))
    const out = row(name, path, pairs.map((p) => p.scenario), ratios)
    if (single) Object.assign(out, { p50_1c: single.p50, p99_1c: single.p99, statuses_1c: single.statuses, errors_1c: single.errors })
    out.pairs = pairs.map((p) => ({ baseline: { rps: p.baseline.rps, p99: p.baseline.p99 }, rps: p.scenario.rps, p99: p.scenario.p99, rps_ratio: round2(p.scenario.rps / p.baseline.rps) }))
    const target = targets?.[name]
    if (target) {
      out.target = describeTarget(target)
      out.met = meets(target, out)
      const one = meetsAtOne(target, out)
      if (one !== undefined) out.met_1c = one
    }
    return out
  })
  const baseline = row('baseline', baselines[0]?.path, baselines, [{ rps: 1, p99: 1 }])
  return { baseline: { rps: baseline.rps, p99: baseline.p99 }, scenarios: [baseline, ...scenarios] }
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n))

export function table(title, { baseline, scenarios }) {
  const lines = [`\n${title}\nbaseline (GET /api/v1/health): ${baseline.rps} req/s, p99 ${baseline.p99} ms; medians of paired slices`]
  lines.push(`${pad('scenario', 15)}${pad('req/s', 8, true)}${pad('p50 ms', 8, true)}${pad('p99 ms', 8, true)}${pad('x base', 8, true)}${pad('p99 x', 7, true)}${pad('p50 1c', 8, true)}  ${pad('statuses', 18)}target`)
  for (const r of scenarios) {
    const statuses = Object.entries(r.statuses).map(([c, n]) => `${c}:${n}`).join(' ') + (r.errors ? ` err:${r.errors}` : '')
    const atOne = r.met_1c === undefined ? '' : `; at 1 connection ${r.met_1c ? 'MET' : 'MISSED'}`
    const verdict = r.target ? `${r.met ? 'MET' : 'MISSED'} (${r.target})${atOne}` : ''
    lines.push(`${pad(r.name, 15)}${pad(r.rps, 8, true)}${pad(r.p50, 8, true)}${pad(r.p99, 8, true)}${pad(r.rps_ratio, 8, true)}${pad(r.p99_ratio, 7, true)}${pad(r.p50_1c ?? '', 8, true)}  ${pad(statuses, 18)}${verdict}`)
  }
  return lines.join('\n')
}

/**
 * At 100k articles list and slug reads should stay within 10% of the 10k run. Ratios
 * to each run's own baseline are compared, so machine load that moves both runs'
 * baselines does not read as a regression; raw req/s are kept too.
 */
export function compareSizes(large, small) {
  const find = (report, mode, name) =>
    report.runs?.find((r) => r.harness === 'miniflare' && r.cache === mode && r.d1_latency_ms === 0)?.scenarios.find((s) => s.name === name)
  const pairs = [['miss', 'article'], ['miss', 'list'], ['miss', 'list filtered'], ['hot', 'slug warm'], ['hot', 'list']]
  return pairs.filter(([mode, name]) => find(large, mode, name) && find(small, mode, name)).map(([mode, scenario]) => {
    const name = `${scenario} (${mode})`
    const [l, s] = [find(large, mode, scenario), find(small, mode, scenario)]
    const change = round2(l.rps_ratio / s.rps_ratio - 1)
    return { name, rps_ratio_10k: s.rps_ratio, rps_ratio_100k: l.rps_ratio, rps_10k: s.rps, rps_100k: l.rps, change, within_10_percent: change >= -0.1 }
  })
}
