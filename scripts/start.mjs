// `npm start`: applies local D1 migrations, loads the demo content once, makes sure
// an admin account exists, and serves the CMS at http://127.0.0.1:8787 (or $PORT)
// with `wrangler dev`. Works offline; safe to run again (nothing is duplicated).
// `npm start -- --persist-to DIR` keeps the local D1/KV/R2 in DIR instead of
// .wrangler/state (a second instance, or a test that must not touch yours).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { demoPhotoStatements, loadDemoPhotos } from './demo/photos.mjs'
import { demoSeedStatements, loadDemoContent } from './demo/seed-sql.mjs'
import { wranglerDevArgs } from './lib/dev-args.mjs'
import { localVarFiles } from './lib/dev-vars.mjs'
import { localQuery, root, wrangler, wranglerBin, wranglerEnv } from './lib/wrangler.mjs'

const port = process.env.PORT ?? '8787'
const host = '127.0.0.1'
const { values: options } = parseArgs({ options: { 'persist-to': { type: 'string' } } })
const persistTo = options['persist-to'] && resolve(options['persist-to'])
const state = persistTo ? ['--persist-to', persistTo] : []
const step = (msg) => console.log(`• ${msg}`)

async function buildAdminUi() {
  if (existsSync(join(root, 'admin-ui/vite.config.ts'))) {
    step('Building the admin UI')
    const { execFileSync } = await import('node:child_process')
    execFileSync('npm', ['run', '--silent', 'build:admin'], { cwd: root, stdio: 'inherit' })
  } else {
    mkdirSync(join(root, 'admin-ui/dist/admin'), { recursive: true })
  }
}

const tmp = persistTo ?? join(root, '.wrangler/tmp')

async function loadDemo() {
  const content = await loadDemoContent()
  const statements = [...demoSeedStatements(content), ...(await demoPhotos(content))]
  const file = join(tmp, 'demo-seed.sql')
  mkdirSync(tmp, { recursive: true })
  writeFileSync(file, statements.join(';\n') + ';\n')
  await wrangler(['d1', 'execute', 'DB', '--local', '--file', file, ...state])
}

/** The demo photos, once: the files into the local R2 (as an upload stores them), then their SQL. */
async function demoPhotos(content) {
  if ((await localQuery("SELECT 1 FROM app_meta WHERE key = 'demo_photos'", persistTo)).length) return []
  const photos = await loadDemoPhotos()
  mkdirSync(tmp, { recursive: true })
  for (const p of photos) {
    const file = join(tmp, p.key)
    writeFileSync(file, p.bytes)
    const object = `tin-edge-cms-media/${p.key}`
    await wrangler(['r2', 'object', 'put', object, '--local', '--file', file, '--content-type', 'image/png', '--content-disposition', 'inline', ...state])
  }
  return demoPhotoStatements(photos, content)
}

async function ensureAdmin() {
  const script = join(root, 'scripts/bootstrap-admin.mjs')
  if (!existsSync(script)) return
  const { bootstrapAdmin } = await import(script)
  await bootstrapAdmin({ cwd: root, wranglerArgs: state })
}

await buildAdminUi()
step('Applying D1 migrations (local)')
await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...state])
step('Loading demo content (once)')
await loadDemo()
await ensureAdmin()
step(`Starting the worker on http://${host}:${port}`)

const devArgs = wranglerDevArgs({ host, port, persistTo, env: process.env, fileVars: localVarFiles(root) })
const dev = spawn(process.execPath, [wranglerBin, ...devArgs], {
  cwd: root,
  env: wranglerEnv,
  stdio: ['ignore', 'pipe', 'inherit'],
})
let announced = false
dev.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (!announced && /Ready on/.test(String(chunk))) {
    announced = true
    const base = `http://${host}:${port}`
    startCronTicker(base)
    console.log(`\nTin Edge CMS is running at ${base}\n  API:   ${base}/api/v1/articles\n  Docs:  ${base}/api/docs  (OpenAPI: ${base}/api/openapi.json)\n  Admin: ${base}/admin/\n`)
  }
})
// wrangler dev does not fire cron triggers locally; tick like production's
// every-minute cron so scheduled articles go live and views roll up on a laptop too.
function startCronTicker(base) {
  const tick = () => fetch(`${base}/cdn-cgi/local/scheduled?cron=*+*+*+*+*`).catch(() => {})
  setInterval(tick, 60_000).unref()
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal))
dev.on('close', (code) => process.exit(code ?? 0))
