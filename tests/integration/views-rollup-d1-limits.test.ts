import { env } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import { rollupShards } from '../../worker/services/views/rollup'
import { addCount, encodeShard, hourIndex, shardKey, type HourCounts } from '../../worker/services/views/shard'
import { byteLength, platformD1, type BoundStatement } from '../helpers/platform-d1'
import { clearShards, createArticles, expectStoredViews, seedShards } from '../helpers/views'

/** D1's per-statement limits: 100 bound parameters, 100 KB (SQL and bound values counted together, to be safe). */
function expectWithinD1Limits(statements: BoundStatement[]) {
  for (const s of statements) {
    expect(s.params.length, s.sql).toBeLessThanOrEqual(100)
    expect(byteLength(s.sql) + s.params.reduce<number>((n, p) => n + byteLength(p), 0), s.sql).toBeLessThanOrEqual(100_000)
  }
}

describe('the view rollup within D1 statement limits', () => {
  beforeEach(clearShards)

  it('keeps every D1 statement within 100 bound parameters and 100 KB for a full group of 100 shards and 100+ articles', async () => {
    const targets = await createArticles(130, 'Giới hạn D1')
    const { expected } = await seedShards(100, targets.map((a) => a.id), { rowsPerShard: 40, hours: 700 })
    const { d1, bound: statements } = platformD1(env.DB)
    const report = await rollupShards(d1, env.VIEWS, { groupSize: 100 })
    expect(report.folded).toBe(100)
    await expectStoredViews(expected)
    expect(statements.filter((s) => /INSERT INTO article_view_hours/.test(s.sql)).length).toBeGreaterThan(1)
    expectWithinD1Limits(statements)
  }, 120_000)

  it('keeps statements under 100 KB when every count row is as long as a shard row can be', async () => {
    // The largest ids and counts decodeShard accepts, for articles that do not exist (the join drops them).
    const hour = hourIndex(Date.now())
    const createdAt = Date.now() - 60_000
    for (let i = 0; i < 100; i++) {
      const counts: HourCounts = new Map()
      for (let r = 0; r < 30; r++) addCount(counts, Number.MAX_SAFE_INTEGER - i * 30 - r, hour - r, Number.MAX_SAFE_INTEGER)
      await env.VIEWS.put(shardKey(createdAt + i, 'longrows', i), encodeShard(counts))
    }
    const { d1, bound: statements } = platformD1(env.DB)
    expect((await rollupShards(d1, env.VIEWS)).folded).toBe(100)
    expectWithinD1Limits(statements)
  }, 120_000)
})
