/**
 * The two ways the bench runs the worker, both offline on 127.0.0.1 with state in
 * the bench's temporary --persist-to directory:
 * - `wrangler dev`, as the README starts it (a child process group, killed after);
 * - Miniflare's API with the bundle `wrangler deploy --dry-run --outdir` built, and
 *   the bindings and vars wrangler.toml declares.
 * Both run the bench's entry module (bench/worker/index.ts): the production worker
 * with every D1 round trip delayed by the BENCH_D1_DELAY_MS var (0: not at all).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { unstable_getMiniflareWorkerOptions } from 'wrangler'

const ROOT = join(import.meta.dirname, '..')
const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js')
const QUIET_ENV = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' }

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Runs wrangler with the project's Node; throws with its output when it fails. */
export function wrangler(args) {
  const result = spawnSync(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: QUIET_ENV, encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`wrangler ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** The worker's bindings as wrangler.toml declares them, for a Miniflare of our own. */
function configBindings() {
  const { workerOptions: w } = unstable_getMiniflareWorkerOptions(join(ROOT, 'wrangler.toml'))
  const ids = (record) => Object.fromEntries(Object.entries(record).map(([name, v]) => [name, typeof v === 'string' ? v : v.id]))
  return {
    compatibilityDate: w.compatibilityDate,
    compatibilityFlags: w.compatibilityFlags,
    bindings: w.bindings,
    kvNamespaces: ids(w.kvNamespaces),
    d1Databases: ids(w.d1Databases),
    r2Buckets: ids(w.r2Buckets),
  }
}

/** The layout `wrangler dev --persist-to <state>` uses: <state>/v3/<d1|kv|r2|cache>. */
const persistence = (state) => ({ resourcePersistencePath: join(state, 'v3') })

/** Miniflare 5 takes a new options shape; this bench speaks the documented flat one. */
const miniflare = (options) => new Miniflare(convertV4MiniflareOptions(options))

/** A Miniflare with only the D1 binding, for seeding from Node. */
export async function seedingMiniflare(state) {
  const { compatibilityDate, d1Databases } = configBindings()
  const mf = miniflare({ modules: true, script: 'export default { fetch: () => new Response(null) }', compatibilityDate, d1Databases, ...persistence(state) })
  return { mf, d1: await mf.getD1Database('DB') }
}

/** The built worker under Miniflare's API. */
export async function startMiniflare({ scriptPath, state, vars = {} }) {
  const port = await freePort()
  const config = configBindings()
  const mf = miniflare({ ...config, bindings: { ...config.bindings, ...vars }, scriptPath, modules: true, modulesRoot: dirname(scriptPath), host: '127.0.0.1', port, ...persistence(state) })
  const url = await mf.ready
  return { name: 'miniflare', url: url.origin, stop: () => mf.dispose() }
}

/** `wrangler dev` on a free port, offline, until "Ready on" (at most a minute). */
export async function startWranglerDev({ state, vars = {}, entry }) {
  const [port, inspector] = [await freePort(), await freePort()]
  const args = [WRANGLER, 'dev', ...(entry ? [entry] : []), '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--persist-to', state, '--show-interactive-dev-session=false', '--log-level', 'warn']
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`)
  const child = spawn(process.execPath, args, { cwd: ROOT, env: QUIET_ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      const force = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5_000)
      child.once('exit', () => (clearTimeout(force), resolve()))
      process.kill(-child.pid, 'SIGTERM')
    })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited ${child.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { name: 'wrangler dev', url, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(`wrangler dev did not answer within 60 s:\n${output}`)
}
