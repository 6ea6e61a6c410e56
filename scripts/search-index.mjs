/**
 * Drops or rebuilds the full-text search indexes (articles and media) of the D1 database.
 *
 *   npm run search:rebuild              local database (what `wrangler dev` uses)
 *   npm run search:rebuild -- --remote  the deployed database
 *   npm run search:drop                 before `wrangler d1 export` (FTS tables cannot be exported)
 *
 * Any other flag (--persist-to DIR, --env NAME, -c FILE) is passed to
 * `wrangler d1 execute`. See docs/search.md.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dropStatements, rebuildSql } from './lib/search-sql.mjs'

const [command, ...flags] = process.argv.slice(2)
if (command !== 'rebuild' && command !== 'drop') {
  console.error('usage: node scripts/search-index.mjs rebuild|drop [--remote] [wrangler d1 execute flags]')
  process.exit(2)
}

/** Every migration that makes an FTS index: articles (0005) and the media library (0008). */
const SEARCH_MIGRATIONS = ['0005_search.sql', '0008_media_search.sql']
const migrations = SEARCH_MIGRATIONS.map((name) => readFileSync(new URL(`../schema/migrations/${name}`, import.meta.url), 'utf8'))
const sql = migrations.map((m) => (command === 'drop' ? dropStatements(m).join('\n') : rebuildSql(m))).join('\n')
const dir = mkdtempSync(join(tmpdir(), 'search-index-'))
const file = join(dir, `${command}.sql`)
writeFileSync(file, sql)

const where = flags.includes('--remote') || flags.includes('--local') ? [] : ['--local']
const wrangler = join(import.meta.dirname, '..', 'node_modules', 'wrangler', 'bin', 'wrangler.js')
const run = spawnSync(process.execPath, [wrangler, 'd1', 'execute', 'DB', ...where, ...flags, '--file', file, '--yes'], {
  stdio: 'inherit',
})
rmSync(dir, { recursive: true, force: true })
process.exit(run.status ?? 1)
