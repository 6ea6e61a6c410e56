/**
 * Ratios to the baseline, medians, the targets (Miniflare harness), the
 * printed table and the JSON for bench/results. Every scenario slice is paired with
 * a baseline slice run just before it, and ratios are taken within a pair: the two
 * cores are shared with other work, so absolute req/s swing between minutes while a
 * pair sees the same load.
 */

/** Scenario -> minimum req/s as a fraction of the baseline's. p99 must stay within 2x the baseline's. */
export const TARGETS = { 'slug warm': 0.8, list: 0.5, 'list category': 0.5, 'most-read': 0.5, beacon: 0.8 }
const P99_FACTOR = 2

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
export function summarize(measured, { judged }) {
  const baselines = measured.flatMap((m) => m.pairs.map((p) => p.baseline))
  const scenarios = measured.map(({ name, path, pairs }) => {
    const ratios = pairs.map((p) => ({ rps: p.scenario.rps / p.baseline.rps, p99: p.scenario.p99 / p.baseline.p99 }))
    const out = row(name, path, pairs.map((p) => p.scenario), ratios)
    out.pairs = pairs.map((p) => ({ baseline: { rps: p.baseline.rps, p99: p.baseline.p99 }, rps: p.scenario.rps, p99: p.scenario.p99, rps_ratio: round2(p.scenario.rps / p.baseline.rps) }))
    const min = TARGETS[name]
    if (judged && min !== undefined) {
      out.target = `>= ${min}x req/s, p99 <= ${P99_FACTOR}x`
      out.met = out.rps_ratio >= min && out.p99_ratio <= P99_FACTOR
    }
    return out
  })
  const baseline = row('baseline', baselines[0]?.path, baselines, [{ rps: 1, p99: 1 }])
  return { baseline: { rps: baseline.rps, p99: baseline.p99 }, scenarios: [baseline, ...scenarios] }
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n))

export function table(title, { baseline, scenarios }) {
  const lines = [`\n${title}\nbaseline (GET /api/v1/health): ${baseline.rps} req/s, p99 ${baseline.p99} ms; medians of paired slices`]
  lines.push(`${pad('scenario', 15)}${pad('req/s', 8, true)}${pad('p50 ms', 8, true)}${pad('p99 ms', 8, true)}${pad('x base', 8, true)}${pad('p99 x', 7, true)}  ${pad('statuses', 18)}target`)
  for (const r of scenarios) {
    const statuses = Object.entries(r.statuses).map(([c, n]) => `${c}:${n}`).join(' ') + (r.errors ? ` err:${r.errors}` : '')
    const verdict = r.target ? `${r.met ? 'MET' : 'MISSED'} (${r.target})` : ''
    lines.push(`${pad(r.name, 15)}${pad(r.rps, 8, true)}${pad(r.p50, 8, true)}${pad(r.p99, 8, true)}${pad(r.rps_ratio, 8, true)}${pad(r.p99_ratio, 7, true)}  ${pad(statuses, 18)}${verdict}`)
  }
  return lines.join('\n')
}

/**
 * At 100k articles list and slug reads should stay within 10% of the 10k run. Ratios
 * to each run's own baseline are compared, so machine load that moves both runs'
 * baselines does not read as a regression; raw req/s are kept too.
 */
export function compareSizes(large, small) {
  const find = (run, name) => run.harnesses.miniflare.scenarios.find((s) => s.name === name)
  return ['slug cold', 'slug warm', 'list', 'list category'].map((name) => {
    const [l, s] = [find(large, name), find(small, name)]
    const change = round2(l.rps_ratio / s.rps_ratio - 1)
    return { name, rps_ratio_10k: s.rps_ratio, rps_ratio_100k: l.rps_ratio, rps_10k: s.rps, rps_100k: l.rps, change, within_10_percent: change >= -0.1 }
  })
}
