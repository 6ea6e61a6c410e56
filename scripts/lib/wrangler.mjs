// Runs the project's own wrangler (never a global one) with telemetry off, so
// every script works offline and the same on a fresh machine.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
export const wranglerBin = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url))
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: 'false',
  // Use the default Request.cf placeholder instead of fetching it from Cloudflare.
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** Runs `wrangler ...args` to completion; resolves with its stdout, rejects with its output. */
export function wrangler(args, { quiet = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], { cwd: root, env: wranglerEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => {
      out += d
      if (!quiet) process.stdout.write(d)
    })
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler ${args.join(' ')} failed (${code}):\n${out}\n${err}`))))
  })
}

/** Runs one SQL command against the local D1 and returns the rows. */
export async function localQuery(sql, persistTo) {
  const args = ['d1', 'execute', 'DB', '--local', '--json', '--command', sql]
  if (persistTo) args.push('--persist-to', persistTo)
  const out = await wrangler(args)
  return JSON.parse(out.slice(out.indexOf('[')))[0]?.results ?? []
}
