import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createDb } from '../../worker/db/client'
import { MAX_COMPOUND_TERMS, unionAll } from '../../worker/db/union-all'

/** The real D1 binding, recording how many statements are running at once. */
function inFlightD1(d1: D1Database = env.DB) {
  const stats = { now: 0, max: 0, calls: 0 }
  const track = async <T>(run: () => Promise<T>) => {
    stats.calls++
    stats.max = Math.max(stats.max, ++stats.now)
    try {
      return await run()
    } finally {
      stats.now--
    }
  }
  const wrapped = {
    prepare: (sql: string) => {
      const wrap = (stmt: D1PreparedStatement): D1PreparedStatement =>
        ({ bind: (...v: unknown[]) => wrap(stmt.bind(...v)), all: () => track(() => stmt.all()), first: (c?: string) => track(() => stmt.first(c as never)), run: () => track(() => stmt.run()), raw: () => track(() => stmt.raw()) }) as unknown as D1PreparedStatement
      return wrap(d1.prepare(sql))
    },
    batch: (s: D1PreparedStatement[]) => track(() => d1.batch(s)),
  } as unknown as D1Database
  return { d1: wrapped, stats }
}

describe('the D1 dialect', () => {
  it('runs the queries of one client concurrently (no connection lock: D1 has no connection)', async () => {
    const { d1, stats } = inFlightD1()
    const db = createDb(d1)
    const rows = await Promise.all(Array.from({ length: 4 }, (_, i) => db.selectNoFrom((eb) => eb.val(i).as('n')).executeTakeFirstOrThrow()))
    expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 3])
    expect(stats.calls).toBe(4)
    expect(stats.max).toBe(4)
  })

  it('lets the other queries of a Promise.all finish after the first one fails, and the client keeps working', async () => {
    const db = createDb(env.DB)
    const results = await Promise.allSettled([
      db.selectFrom('no_such_table' as 'tags').selectAll().execute(),
      db.selectFrom('tags').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled'])
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/no such table/)
    expect(await db.selectNoFrom((eb) => eb.val('ok').as('v')).executeTakeFirstOrThrow()).toEqual({ v: 'ok' })
  })

  it('reports inserted ids and changed rows, as the services rely on', async () => {
    const db = createDb(env.DB)
    const now = new Date().toISOString()
    const inserted = await db.insertInto('tags').values({ slug: 'phuong-ngu', name: 'Phương ngữ', name_sort: 'phuong ngu', created_at: now, updated_at: now }).executeTakeFirstOrThrow()
    expect(Number(inserted.insertId)).toBeGreaterThan(0)
    const updated = await db.updateTable('tags').set({ name: 'Phương ngữ Nam Bộ' }).where('slug', '=', 'phuong-ngu').executeTakeFirstOrThrow()
    expect(updated.numUpdatedRows).toBe(1n)
    const none = await db.deleteFrom('tags').where('slug', '=', 'khong-co').executeTakeFirstOrThrow()
    expect(none.numDeletedRows).toBe(0n)
  })

  it('refuses an interactive transaction with a pointer to runBatch', async () => {
    await expect(createDb(env.DB).transaction().execute(async () => 1)).rejects.toThrow(/runBatch/)
  })

  it(`joins any number of selects with unionAll though one compound takes at most ${MAX_COMPOUND_TERMS}`, async () => {
    const db = createDb(env.DB)
    const flat = sql.join(Array.from({ length: MAX_COMPOUND_TERMS + 1 }, (_, i) => sql`SELECT ${i} AS n`), sql` UNION ALL `)
    await expect(sql`${flat}`.execute(db)).rejects.toThrow(/too many terms in compound SELECT/)
    for (const count of [1, 5, 6, 26, 130]) {
      const parts = Array.from({ length: count }, (_, i) => sql`SELECT ${sql.lit(i)} AS n`)
      const { rows } = await sql<{ n: number }>`SELECT n FROM (${unionAll(parts)}) ORDER BY n`.execute(db)
      expect(rows.map((r) => r.n)).toEqual(Array.from({ length: count }, (_, i) => i))
    }
  })
})
