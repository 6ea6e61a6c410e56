/**
 * The archive through the running worker (docs/archive.md): ARCHIVE_COUNT
 * generated articles (default 10,000, ~8 s here; ARCHIVE_COUNT=100000 for the 100k figure)
 * imported over HTTP in requests of 500 lines, interrupted after two
 * requests and resumed from the checkpoint; then a re-import that changes
 * nothing, the imported view totals, and old URLs answering 301.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sendLines } from '../../scripts/lib/wxr-send.mjs'
import { archiveLine, archiveLines } from './support/archive/lines.ts'
import { send } from './support/http.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const COUNT = Number(process.env.ARCHIVE_COUNT ?? 10_000)
const CHUNK = 500

describe(`importing ${COUNT} archive articles over HTTP`, () => {
  const room = useNewsroom()
  const lines = archiveLines(COUNT)
  const options = async (name: string) => ({ to: room().url, token: room().credentials.bearer.replace(/^Bearer /, ''), chunk: CHUNK, checkpoint: join(await mkdtemp(join(tmpdir(), 'tin-archive-')), name), log: () => {} })

  it('imports every line with no failure, interrupted once and resumed from its checkpoint', async () => {
    const opts = await options('run.json')
    const started = performance.now()
    const cut = await sendLines(lines, { ...opts, maxChunks: 2 })
    expect(cut).toMatchObject({ complete: false, done: Math.min(COUNT, 2 * CHUNK) })
    const rest = await sendLines(lines, opts)
    const seconds = (performance.now() - started) / 1000
    expect(rest.failures).toEqual([])
    expect(rest).toMatchObject({ complete: true, done: COUNT, summary: { created: COUNT, updated: 0, skipped: 0, failed: 0 } })
    console.info(`archive import: ${COUNT} articles in ${seconds.toFixed(1)} s = ${(COUNT / seconds).toFixed(0)} articles/s`)
  })

  it('changes nothing when imported again (every line skipped)', async () => {
    const again = await sendLines(lines, await options('again.json'))
    expect(again.summary).toEqual({ created: 0, updated: 0, skipped: COUNT, failed: 0 })
  })

  it('shows the imported view totals and answers old URLs with 301 to the canonical URL', async () => {
    for (const i of [0, 1, Math.floor(COUNT / 2), COUNT - 1]) {
      const line = archiveLine(i)
      const moved = await send(room().url, 'GET', `/api/v1/redirects?path=${encodeURIComponent((line.old_urls as string[])[1]!)}`)
      expect(moved.status, line.external_id).toBe(301)
      const article = await send(room().url, 'GET', `/api/v1/articles/${moved.json.data.article_id}`)
      expect(article.json.data).toMatchObject({ title: line.title, views: line.views, canonical_url: moved.headers.location })
      expect((await send(room().url, 'GET', `/api/v1/redirects?path=${encodeURIComponent(`/?p=${100_000 + i}`)}`)).status).toBe(301)
    }
  })

  it('adds readers’ new views on top of an imported total, before and after the cron folds them in', async () => {
    const line = archiveLine(1)
    const moved = await send(room().url, 'GET', `/api/v1/redirects?path=${encodeURIComponent((line.old_urls as string[])[1]!)}`)
    const id = moved.json.data.article_id as number
    const reader = { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' }
    for (let i = 0; i < 3; i++) expect((await send(room().url, 'POST', `/api/v1/articles/${id}/views`, { headers: reader })).status).toBe(204)
    // Each read below is a URL not read before, so no read cache answers it.
    const views = async (fields: string) => (await send(room().url, 'GET', `/api/v1/articles/${id}?fields=${fields}`)).json.data.views
    expect(await views('id,views')).toBe((line.views as number) + 3)
    // The isolate writes its shard within 5 s; the cron then folds it into the D1 total.
    await new Promise((r) => setTimeout(r, 6_000))
    const cron = await send(room().url, 'GET', `/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}`)
    expect(cron.status).toBe(200)
    expect(await views('views,id')).toBe((line.views as number) + 3)
    expect(await views('views')).toBe((line.views as number) + 3)
  })

  itLoggedNoUnhandledError(room)
})
