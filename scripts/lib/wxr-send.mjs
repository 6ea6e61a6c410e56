/**
 * Sends import lines to `POST /api/admin/imports` in chunks, resumably: after
 * each chunk the checkpoint file records how many lines are done and the running
 * summary, so a second run after an interruption (Ctrl-C, a network failure)
 * starts at the first chunk not yet answered. Re-sending a chunk is harmless
 * anyway: the import is idempotent by external_id.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'

const EMPTY = { created: 0, updated: 0, skipped: 0, failed: 0 }

function readCheckpoint(path, total) {
  if (!path || !existsSync(path)) return { done: 0, summary: { ...EMPTY }, failures: [] }
  const saved = JSON.parse(readFileSync(path, 'utf8'))
  if (saved.total !== total) throw new Error(`${path} belongs to an export of ${saved.total} posts, not ${total}: remove it to start over`)
  return saved
}

function saveCheckpoint(path, state) {
  if (!path) return
  writeFileSync(`${path}.tmp`, JSON.stringify(state))
  renameSync(`${path}.tmp`, path)
}

const bar = (done, total) => {
  const width = 30
  const full = total ? Math.round((done / total) * width) : width
  return `[${'#'.repeat(full)}${' '.repeat(width - full)}] ${done}/${total}`
}

async function post(to, token, body, fetchImpl) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetchImpl(new URL('/api/admin/imports', to), { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body })
      const json = await res.json().catch(() => null)
      if (res.ok && json?.data) return json.data
      if (res.status < 500 || attempt >= 3) throw new Error(`the server answered ${res.status}: ${JSON.stringify(json?.error ?? json).slice(0, 300)}`)
    } catch (err) {
      if (attempt >= 3 || /answered [1-4]\d\d/.test(String(err.message))) throw err
    }
    await new Promise((r) => setTimeout(r, 500 * attempt))
  }
}

/**
 * @param {object[]} lines
 * @param {{ to: string, token: string, chunk?: number, checkpoint?: string, maxChunks?: number, log?: (s: string) => void, fetch?: typeof fetch }} options
 * @returns {Promise<{ summary: typeof EMPTY, failures: object[], done: number, total: number, complete: boolean }>}
 */
export async function sendLines(lines, { to, token, chunk = 200, checkpoint, maxChunks = Infinity, log = (s) => process.stderr.write(s), fetch: fetchImpl = fetch }) {
  const total = lines.length
  const state = { total, ...readCheckpoint(checkpoint, total) }
  if (state.done > 0) log(`resuming after ${state.done} of ${total} posts (${checkpoint})\n`)
  let sent = 0
  while (state.done < total && sent < maxChunks) {
    const part = lines.slice(state.done, state.done + chunk)
    const data = await post(to, token, part.map((l) => JSON.stringify(l)).join('\n') + '\n', fetchImpl)
    for (const key of Object.keys(EMPTY)) state.summary[key] += data.summary[key]
    for (const r of data.results) if (r.outcome === 'failed') state.failures.push({ external_id: part[r.line - 1]?.external_id, reason: r.reason })
    state.done += part.length
    sent++
    saveCheckpoint(checkpoint, state)
    const s = state.summary
    log(`\r${bar(state.done, total)} created ${s.created} · updated ${s.updated} · skipped ${s.skipped} · failed ${s.failed}`)
  }
  log('\n')
  return { ...state, complete: state.done >= total }
}
