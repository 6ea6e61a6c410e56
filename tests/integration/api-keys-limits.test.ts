/**
 * Rate limits (the Workers Rate Limiting binding, emulated by Miniflare with the
 * same wall-clock windows), usage counted through the cron rollup, and revocation
 * on the next request.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import wranglerToml from '../../wrangler.toml?raw'
import { KEY_TIERS } from '../../worker/services/api-keys/tiers'
import { staffClient } from '../helpers/admin-api'
import { keyed, mintKey } from '../helpers/api-keys'
import { createArticle } from '../helpers/fixtures'
import { runCron } from '../helpers/views'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const TRIAL = KEY_TIERS.trial

/** Waits for the start of a fresh window of `period` seconds if less than `need` ms of the current one are left. */
async function freshWindow(period: number, need: number) {
  const left = period * 1000 - (Date.now() % (period * 1000))
  if (left < need) await sleep(left + 50)
}

describe('rate limits and usage', () => {
  it('declares in wrangler.toml exactly the tiers the code knows', () => {
    for (const tier of Object.values(KEY_TIERS)) {
      const block = new RegExp(`name = "${tier.binding}"\\s+namespace_id = "\\d+"\\s+simple = \\{ limit = ${tier.limit}, period = ${tier.period} \\}`)
      expect(wranglerToml).toMatch(block)
      expect(env[tier.binding]).toBeDefined()
    }
  })

  it('answers 429 with Retry-After past the limit, serves again in the next window, and counts both exactly after a rollup', async () => {
    const admin = await staffClient('admin')
    const article = await createArticle({ title: 'Giới hạn tốc độ: bài thử' })
    const key = await mintKey(admin, { tier: 'trial' })
    const path = `/api/v1/articles/${article.id}`
    await freshWindow(TRIAL.period, 4_000)
    for (let i = 0; i < TRIAL.limit; i++) expect((await keyed(path, key.key)).status).toBe(200)
    const limited = await keyed(path, key.key)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe(String(TRIAL.period))
    expect(limited.json.error.code).toBe('too_many_requests')
    // Another key is not affected; anonymous readers are not limited.
    expect((await keyed(path, (await mintKey(admin, { tier: 'trial' })).key)).status).toBe(200)
    expect((await keyed(path, null)).status).toBe(200)

    await freshWindow(TRIAL.period, TRIAL.period * 1000)
    expect((await keyed(path, key.key)).status).toBe(200)

    await runCron()
    const usage = (await admin.get(`/api-keys/${key.id}`)).body.data.usage as { day: string; requests: number; limited: number }[]
    // One row per UTC day: one row, unless the test ran across midnight UTC.
    const sum = (field: 'requests' | 'limited') => usage.reduce((n, u) => n + u[field], 0)
    expect([sum('requests'), sum('limited')]).toEqual([TRIAL.limit + 1, 1])
    expect(usage[0]!.day).toBe(new Date().toISOString().slice(0, 10))
    // A second rollup counts nothing twice.
    await runCron()
    expect((await admin.get(`/api-keys/${key.id}`)).body.data.usage).toEqual(usage)
  }, 40_000)

  it('refuses a revoked key on the very next request, and applies an edit on the next request', async () => {
    const admin = await staffClient('admin')
    const article = await createArticle({ title: 'Thu hồi khóa: bài thử', paragraphs: ['Thân bài đầy đủ để thử.'] })
    const key = await mintKey(admin)
    const path = `/api/v1/articles/${article.id}`
    expect((await keyed(path, key.key)).json.data.body_html).toContain('Thân bài')
    expect((await admin.patch(`/api-keys/${key.id}`, { body: 'summary' }, 1)).status).toBe(200)
    expect((await keyed(path, key.key)).json.data.body_html).toBeUndefined()
    expect((await admin.del(`/api-keys/${key.id}`)).status).toBe(204)
    const refused = await keyed(path, key.key)
    expect(refused.status).toBe(401)
    expect(refused.json.error.message).toMatch(/revoked/)
  })
})
