/**
 * Ratios to the baseline of the same round, medians over rounds, the issue's
 * targets (Miniflare harness), the printed table and the JSON for bench/results.
 * Each round runs every scenario between two baseline runs, so a change in machine
 * load (two shared cores) moves a scenario and its baseline together.
 */

/** Scenario -> minimum req/s as a fraction of the baseline's. p99 must stay within 2x the baseline's. */
export const TARGETS = { 'slug warm': 0.8, list: 0.5, 'list category': 0.5, 'most-read': 0.5, beacon: 0.8 }
const P99_FACTOR = 2

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const mean = (xs) => xs.reduce((n, x) => n + x, 0) / xs.length
const round2 = (x) => Math.round(x * 100) / 100

/** One harness's rounds (arrays of scenario results in the same order) -> summary with verdicts. */
export function summarize(rounds, { judged }) {
  const ratioed = rounds.map((results) => {
    const baselines = results.filter((r) => r.name.startsWith('baseline'))
    const [rps, p99] = [mean(baselines.map((b) => b.rps)), mean(baselines.map((b) => b.p99))]
    return { rps, p99, results: results.map((r) => ({ ...r, rps_ratio: r.rps / rps, p99_ratio: r.p99 / p99 })) }
  })
  const scenarios = rounds[0].map((first, i) => {
    const runs = ratioed.map((r) => r.results[i])
    const statuses = {}
    for (const run of runs) for (const [code, n] of Object.entries(run.statuses)) statuses[code] = (statuses[code] ?? 0) + n
    const row = {
      name: first.name,
      path: first.path,
      rps: Math.round(median(runs.map((r) => r.rps))),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      rps_ratio: round2(median(runs.map((r) => r.rps_ratio))),
      p99_ratio: round2(median(runs.map((r) => r.p99_ratio))),
      requests: runs.reduce((n, r) => n + r.requests, 0),
      statuses,
      errors: runs.reduce((n, r) => n + r.errors, 0),
      rounds: runs.map((r) => ({ rps: r.rps, p50: r.p50, p99: r.p99, rps_ratio: round2(r.rps_ratio) })),
    }
    const min = TARGETS[first.name]
    if (judged && min !== undefined) {
      row.target = `>= ${min}x req/s, p99 <= ${P99_FACTOR}x`
      row.met = row.rps_ratio >= min && row.p99_ratio <= P99_FACTOR
    }
    return row
  })
  return { baseline: { rps: Math.round(median(ratioed.map((r) => r.rps))), p99: median(ratioed.map((r) => r.p99)) }, scenarios }
}

const pad = (s, n, right = false) => (right ? String(s).padStart(n) : String(s).padEnd(n))

export function table(title, { baseline, scenarios }) {
  const lines = [`\n${title}\nbaseline (GET /api/v1/health): ${baseline.rps} req/s, p99 ${baseline.p99} ms; medians over rounds`]
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
