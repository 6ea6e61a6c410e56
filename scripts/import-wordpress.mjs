#!/usr/bin/env node
/**
 * npm run import:wordpress -- export.xml --to <base URL> --token <token>
 *
 * Brings a WordPress export (WXR) into Tin Edge CMS through POST /api/admin/imports
 * (docs/archive.md). The token needs the `admin` scope. Options:
 *   --zone <IANA zone>    the WordPress site's time zone (default Asia/Ho_Chi_Minh),
 *                         used for posts without a GMT date
 *   --chunk <n>           posts per request (default 200, at most 500)
 *   --checkpoint <file>   progress file (default <export>.checkpoint.json); run the
 *                         same command again to resume
 *   --max-chunks <n>      stop after n requests (resume later)
 *   --dry-run             print the NDJSON lines instead of sending them
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { mapWxr } from './lib/wxr-map.mjs'
import { parseWxr } from './lib/wxr-parse.mjs'
import { sendLines } from './lib/wxr-send.mjs'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    to: { type: 'string' },
    token: { type: 'string', default: process.env.TIN_TOKEN },
    zone: { type: 'string', default: 'Asia/Ho_Chi_Minh' },
    chunk: { type: 'string', default: '200' },
    checkpoint: { type: 'string' },
    'max-chunks': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
})

const file = positionals[0]
if (!file || (!values['dry-run'] && (!values.to || !values.token))) {
  console.error('usage: npm run import:wordpress -- export.xml --to <base URL> --token <token> [--zone Asia/Ho_Chi_Minh] [--chunk 200] [--checkpoint file] [--dry-run]')
  process.exit(2)
}
const chunk = Math.min(500, Math.max(1, Number(values.chunk) || 200))
const to = values.to ?? 'http://localhost'
const { lines, notes, skipped } = mapWxr(parseWxr(readFileSync(file, 'utf8')), { zone: values.zone, mediaBase: new URL('/media/', to).href })

if (values['dry-run']) {
  for (const line of lines) process.stdout.write(JSON.stringify(line) + '\n')
  process.exit(0)
}

console.error(`${lines.length} posts to import from ${file} (${skipped} pages, attachments or trashed items left out)`)
for (const note of notes) console.error(`note: ${note}`)
const result = await sendLines(lines, {
  to,
  token: values.token,
  chunk,
  checkpoint: values.checkpoint ?? `${file}.checkpoint.json`,
  ...(values['max-chunks'] && { maxChunks: Number(values['max-chunks']) }),
})
for (const f of result.failures.slice(0, 50)) console.error(`failed: ${f.external_id}: ${f.reason}`)
const s = result.summary
console.log(JSON.stringify({ complete: result.complete, done: result.done, total: result.total, ...s, notes: notes.length }))
process.exit(result.complete && s.failed === 0 ? 0 : 1)
