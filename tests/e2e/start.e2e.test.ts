/**
 * `npm start` for real (admin UI build, migrations, demo content, first admin,
 * `wrangler dev`) on a free PORT with a throwaway state directory, so a developer's
 * .wrangler/state is never touched: the API's links point at the port it serves on.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { wranglerDevArgs } from '../../scripts/lib/dev-args.mjs'
import { localVarFiles } from '../../scripts/lib/dev-vars.mjs'
import { freePort, serveUntilReady, type WorkerServer } from './support/worker-server'

describe('PORT=… npm start', () => {
  let server: WorkerServer | undefined
  let port = 0

  beforeAll(async () => {
    port = await freePort()
    const state = await mkdtemp(join(tmpdir(), 'tin-start-'))
    // No SITE_URL in the environment (node leaves undefined variables out): the default is under test.
    const env = { ...process.env, SITE_URL: undefined, PORT: String(port), WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }
    server = await serveUntilReady(['scripts/start.mjs', '--persist-to', state], `http://127.0.0.1:${port}`, {
      env,
      readyMs: 180_000,
      cleanup: () => rm(state, { recursive: true, force: true }),
    })
  })

  afterAll(async () => {
    await server?.stop()
  })

  it('serves the demo articles with url and canonical_url on that port', async () => {
    // A SITE_URL in the developer's .dev.vars would rightly win (checked below).
    const base = localVarFiles(process.cwd()).SITE_URL ?? `http://127.0.0.1:${port}`
    const res = await fetch(`${server!.url}/api/v1/articles?limit=3&fields=url,canonical_url`)
    const { data } = (await res.json()) as { data: { url: string; canonical_url: string }[] }
    expect(data).toHaveLength(3)
    const origins = data.flatMap((a) => [a.url, a.canonical_url]).map((link) => link.slice(0, base.length + 1))
    expect(origins).toEqual(Array(6).fill(`${base}/`))
  })
})

describe('the SITE_URL npm start gives wrangler dev', () => {
  const siteUrl = (options: Partial<Parameters<typeof wranglerDevArgs>[0]>) => {
    const args = wranglerDevArgs({ host: '127.0.0.1', port: '8791', ...options })
    const i = args.indexOf('--var')
    return i < 0 ? 'left to wrangler' : args[i + 1]
  }

  it('follows PORT when nobody chose one', () => {
    expect(siteUrl({})).toBe('SITE_URL:http://127.0.0.1:8791')
  })

  it('is the one in the environment, even over .dev.vars', () => {
    expect(siteUrl({ env: { SITE_URL: 'https://tin.example.vn' }, fileVars: { SITE_URL: 'http://other' } })).toBe('SITE_URL:https://tin.example.vn')
  })

  it('is left to wrangler when .dev.vars sets it, since a --var would override the file', () => {
    expect(siteUrl({ fileVars: { SITE_URL: 'http://localhost:3000' } })).toBe('left to wrangler')
  })
})
