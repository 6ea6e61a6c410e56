/**
 * The real local D1 binding, held to the production limits that local workerd does
 * not enforce, and counting round trips. Every statement still runs on Miniflare's
 * D1; one that production would refuse throws first, with D1's own wording, so a
 * test sees the failure a deploy would see.
 *
 * @example
 * const { d1, calls } = platformD1()
 * await worker.fetch(request, { ...env, DB: d1 }, ctx)
 * expect(calls.length).toBeLessThanOrEqual(2)
 */
import { env } from 'cloudflare:test'

/** https://developers.cloudflare.com/d1/platform/limits/ (Workers Paid). */
export const D1_LIMITS = {
  boundParameters: 100,
  statementBytes: 100_000,
  queriesPerInvocation: 1_000,
} as const

export interface D1Call {
  /** `all`, `first`, `run`, `raw`, or `batch` (a batch is one round trip). */
  kind: string
  sql: string[]
}

const bytes = (s: string) => new TextEncoder().encode(s).length

function check(sql: string, params: unknown[]) {
  if (params.length > D1_LIMITS.boundParameters) {
    throw new Error(`D1_ERROR: too many SQL variables (${params.length} > ${D1_LIMITS.boundParameters}) in: ${sql.slice(0, 200)}`)
  }
  if (bytes(sql) > D1_LIMITS.statementBytes) throw new Error(`D1_ERROR: statement too long (${bytes(sql)} bytes)`)
}

export function platformD1(real: D1Database = env.DB) {
  const calls: D1Call[] = []
  const statements = new WeakMap<object, { sql: string; real: D1PreparedStatement }>()
  const record = (kind: string, sql: string[]) => {
    calls.push({ kind, sql })
    if (calls.length > D1_LIMITS.queriesPerInvocation) throw new Error('D1_ERROR: too many queries in one invocation')
  }
  const statement = (sql: string, stmt: D1PreparedStatement, params: unknown[] = []): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => {
        check(sql, values)
        return statement(sql, stmt.bind(...values), values)
      },
      all: () => (record('all', [sql]), stmt.all()),
      first: (column?: string) => (record('first', [sql]), column === undefined ? stmt.first() : stmt.first(column)),
      run: () => (record('run', [sql]), stmt.run()),
      raw: (options?: { columnNames?: boolean }) => (record('raw', [sql]), stmt.raw(options as never)),
    } as unknown as D1PreparedStatement
    check(sql, params)
    statements.set(wrapped, { sql, real: stmt })
    return wrapped
  }
  const d1 = new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => statement(sql, target.prepare(sql))
      if (prop === 'batch') {
        return (list: D1PreparedStatement[]) => {
          const inner = list.map((s) => statements.get(s) ?? { sql: '?', real: s })
          record('batch', inner.map((s) => s.sql))
          return target.batch(inner.map((s) => s.real))
        }
      }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { d1, calls }
}
