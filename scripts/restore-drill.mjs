#!/usr/bin/env node
/**
 * npm run drill:restore — the backup drill of docs/archive.md, on this machine:
 *
 *   1. serve newsroom A the way `npm start` does (demo articles, photos, views);
 *   2. export it through `GET /api/admin/exports` (NDJSON) with an admin token;
 *   3. serve an EMPTY database B (migrations only) with A's SITE_URL, so canonical
 *      URLs can match, and import the export through `POST /api/admin/imports`;
 *   4. compare what readers get from both: every published article by slug, the
 *      list, categories, tags, authors and most-read, ignoring row ids only.
 *
 * Prints the counts and every difference; exits 1 when B does not answer like A.
 * Media bytes are not in the export (they stay in R2, docs/archive.md), so image
 * URLs are compared, not fetched. Nothing leaves the machine.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ADMIN = { ADMIN_EMAIL: 'drill@toasoan.vn', ADMIN_PASSWORD: 'mat-khau-dien-tap-2024' }
const root = join(import.meta.dirname, '..')
const wrangler = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js')
const say = (msg) => process.stderr.write(`[drill] ${msg}\n`)

async function waitFor(url, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited (${child.exitCode})`)
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`${url} did not start`)
}

function serve(command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true })
  return { child, stop: () => { try { process.kill(-child.pid, 'SIGTERM') } catch {} } }
}

/** An admin token (scopes content + admin) minted with a browser-style session. */
async function adminToken(url) {
  const signIn = await fetch(`${url}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }) })
  if (signIn.status !== 200) throw new Error(`sign-in at ${url}: ${signIn.status} ${await signIn.text()}`)
  const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('tin_session='))?.split(';')[0]
  const body = { name: 'restore drill', scopes: ['content:read', 'content:write', 'publish', 'admin'] }
  const res = await fetch(`${url}/api/admin/tokens`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status !== 201) throw new Error(`token at ${url}: ${res.status} ${await res.text()}`)
  return `Bearer ${(await res.json()).data.token}`
}

const stripIds = (value) =>
  Array.isArray(value) ? value.map(stripIds) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id' && !k.endsWith('_id')).map(([k, v]) => [k, stripIds(v)])) : value

async function readerView(url) {
  const get = async (path) => (await fetch(`${url}${path}`)).json()
  const list = await get('/api/v1/articles?limit=100')
  const articles = {}
  for (const a of list.data) articles[a.slug] = stripIds((await get(`/api/v1/articles/slug/${a.slug}`)).data)
  return {
    list: stripIds(list.data.map((a) => a.slug)),
    articles,
    categories: stripIds((await get('/api/v1/categories')).data),
    tags: stripIds((await get('/api/v1/tags?limit=100')).data),
    authors: stripIds((await get('/api/v1/authors?limit=100')).data),
    mostRead: stripIds((await get('/api/v1/most-read?window=all&limit=20')).data.map((a) => [a.slug, a.views])),
  }
}

function differences(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  if (a && b && typeof a === 'object' && typeof b === 'object') return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => differences(a[k], b[k], `${path}.${k}`))
  return [`${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`]
}

const stateA = mkdtempSync(join(tmpdir(), 'drill-a-'))
const stateB = mkdtempSync(join(tmpdir(), 'drill-b-'))
const A = 'http://127.0.0.1:8831'
const B = 'http://127.0.0.1:8832'
const servers = []
try {
  say('A: npm start with the demo newsroom')
  servers.push(serve(process.execPath, ['scripts/start.mjs', '--persist-to', stateA], { ...ADMIN, PORT: '8831' }))
  await waitFor(A, servers[0].child)
  const started = performance.now()
  const exported = await (await fetch(`${A}/api/admin/exports`, { headers: { authorization: await adminToken(A) } })).text()
  const lines = exported.split('\n').filter(Boolean)
  say(`exported ${lines.length} lines (${(exported.length / 1024).toFixed(0)} KB) in ${(performance.now() - started).toFixed(0)} ms`)

  say('B: an empty database (migrations only)')
  spawnSync(process.execPath, [wrangler, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateB], { cwd: root, stdio: 'ignore' })
  const varArgs = Object.entries({ ...ADMIN, SITE_URL: A }).flatMap(([k, v]) => ['--var', `${k}:${v}`])
  servers.push(serve(process.execPath, [wrangler, 'dev', '--port', '8832', '--ip', '127.0.0.1', '--persist-to', stateB, ...varArgs], {}))
  await waitFor(B, servers[1].child)
  const tokenB = await adminToken(B)
  const counts = {}
  for (let i = 0; i < lines.length; i += 500) {
    const res = await fetch(`${B}/api/admin/imports`, { method: 'POST', headers: { authorization: tokenB, 'content-type': 'application/x-ndjson' }, body: lines.slice(i, i + 500).join('\n') })
    if (res.status !== 200) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 300)}`)
    const { data } = await res.json()
    for (const [outcome, n] of Object.entries(data.summary)) counts[outcome] = (counts[outcome] ?? 0) + n
    for (const r of data.results.filter((r) => r.outcome === 'failed')) say(`line ${r.line} (${r.type} ${r.external_id ?? r.key ?? ''}) failed: ${r.reason}`)
  }
  say(`imported into B: ${JSON.stringify(counts)}`)

  const [viewA, viewB] = [await readerView(A), await readerView(B)]
  const diff = differences(viewA, viewB)
  say(`compared ${Object.keys(viewA.articles).length} published articles, the list, ${viewA.categories.length} categories, ${viewA.tags.length} tags, ${viewA.authors.length} authors, most-read`)
  if (diff.length) {
    say(`${diff.length} differences:\n${diff.slice(0, 30).join('\n')}`)
    process.exitCode = 1
  } else say('B answers readers exactly like A (row ids aside)')
} finally {
  for (const s of servers) s.stop()
  await new Promise((r) => setTimeout(r, 1000))
  rmSync(stateA, { recursive: true, force: true })
  rmSync(stateB, { recursive: true, force: true })
}
