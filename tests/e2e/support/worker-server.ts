import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { demoSeedStatements, loadDemoContent } from '../../../scripts/demo/seed-sql.mjs'

const run = promisify(execFile)
const WRANGLER = join(process.cwd(), 'node_modules/wrangler/bin/wrangler.js')

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface WorkerServer {
  url: string
  /** What wrangler printed, for a failure message. */
  output: () => string
  stop: () => Promise<void>
}

/** Stops the whole process group (wrangler and its workerd), politely first. */
async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s)
    } catch {
      // Already gone.
    }
  }
  signal('SIGTERM')
  const timer = setTimeout(() => signal('SIGKILL'), 5_000)
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
  clearTimeout(timer)
}

export interface StartOptions {
  /** How long the worker may take to answer its first request. */
  readyMs?: number
  /** An existing --persist-to directory (kept on stop); a new temporary one by default (removed on stop). */
  state?: string
  /** Load the demo content as `npm start` does (scripts/demo/seed-sql.mjs; loading twice duplicates nothing). */
  demo?: boolean
}

/** The demo articles, categories, tags and authors `npm start` loads, into the local D1 under `state`. */
async function loadDemo(state: string, env: NodeJS.ProcessEnv) {
  const file = join(state, 'demo-seed.sql')
  await writeFile(file, demoSeedStatements(await loadDemoContent()).join(';\n') + ';\n')
  await run(process.execPath, [WRANGLER, 'd1', 'execute', 'DB', '--local', '--persist-to', state, '--file', file], { env, timeout: 120_000 })
}

/**
 * `wrangler dev` offline on a free port with its own state directory: local D1
 * migrated first (and the demo content loaded with `demo`), `vars` passed with
 * --var (ADMIN_EMAIL / ADMIN_PASSWORD make the worker create the first admin at the
 * first sign-in). Resolves once the worker answers; rejects (after stopping it) if
 * it does not within `readyMs`.
 */
export async function startWorker(vars: Record<string, string>, { readyMs = 90_000, state: given, demo = false }: StartOptions = {}): Promise<WorkerServer> {
  const state = given ?? (await mkdtemp(join(tmpdir(), 'tin-e2e-')))
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' }
  await run(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { env, timeout: 120_000 })
  if (demo) await loadDemo(state, env)

  const [port, inspectorPort] = [await freePort(), await freePort()]
  const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspectorPort), '--persist-to', state, '--show-interactive-dev-session=false']
  for (const [key, value] of Object.entries(vars)) args.push('--var', `${key}:${value}`)
  // A given state directory is the caller's to keep; a temporary one goes with the server.
  const cleanup = async () => {
    if (given === undefined) await rm(state, { recursive: true, force: true })
  }
  return serveUntilReady([WRANGLER, ...args], `http://127.0.0.1:${port}`, { env, readyMs, cleanup })
}

/**
 * Runs `node ...nodeArgs` in its own process group (so stop() reaches wrangler's
 * workerd too) and resolves once `url` answers; rejects, after stopping it, if it
 * does not within `readyMs`. stop() ends the group, then runs `cleanup`.
 */
export async function serveUntilReady(
  nodeArgs: string[],
  url: string,
  { env, readyMs, cleanup }: { env: Record<string, string | undefined>; readyMs: number; cleanup: () => Promise<void> },
): Promise<WorkerServer> {
  // The cast: `wrangler types` declares the worker's vars on ProcessEnv, which a child's environment need not have.
  const child = spawn(process.execPath, nodeArgs, { env: env as NodeJS.ProcessEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()))
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', killOnExit)

  const stop = async () => {
    process.removeListener('exit', killOnExit)
    await stopGroup(child)
    await cleanup()
  }
  const deadline = Date.now() + readyMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      if ((await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) })).ok) return { url, output: () => log, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  await stop()
  throw new Error(`${nodeArgs.join(' ')} did not serve ${url} within ${readyMs} ms:\n${log.slice(-4000)}`)
}
