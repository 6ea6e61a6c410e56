/**
 * The real local D1 binding, held to the production limits that local workerd does
 * not enforce, and counting round trips. Every statement still runs on Miniflare's
 * D1; one that production would refuse throws first, with D1's own wording, so a
 * test sees the failure a deploy would see. Sessions made from it (`withSession`,
 * as every request does) are wrapped the same way, and their start recorded.
 *
 * @example
 * const { d1, calls, sessions } = platformD1()
 * await worker.fetch(request, { ...env, DB: d1 }, ctx)
 * expect(calls.length).toBeLessThanOrEqual(2)
 * expect(sessions).toEqual(['first-unconstrained'])
 */
import { env } from 'cloudflare:test'

/** https://developers.cloudflare.com/d1/platform/limits/ (Workers Paid). */
export const D1_LIMITS = {
  boundParameters: 100,
  statementBytes: 100_000,
  queriesPerInvocation: 1_000,
  functionArguments: 32,
  valueBytes: 2_000_000,
} as const

export interface D1Call {
  /** `all`, `first`, `run`, `raw`, or `batch` (a batch is one round trip). */
  kind: string
  sql: string[]
}

/** UTF-8 bytes of a statement's SQL or of a bound value (non-strings as JSON). */
export const byteLength = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).length
const bytes = byteLength

/** A statement with the values bound to it. */
export interface BoundStatement {
  sql: string
  params: unknown[]
}

/** Words that may stand before '(' without calling a function. */
const SQL_KEYWORDS = new Set(['in', 'values', 'exists', 'as', 'on', 'and', 'or', 'not', 'from', 'join', 'where', 'select', 'using', 'over', 'into', 'all', 'union', 'by', 'then', 'else', 'when', 'is', 'with', 'materialized', 'set', 'match', 'table'])

/** The most arguments any function call in `sql` passes (string literals skipped). */
export function maxFunctionArguments(sql: string): number {
  const text = sql.replace(/'(?:[^']|'')*'/g, "''")
  const stack: { call: boolean; args: number }[] = []
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '(') {
      const word = /([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(text.slice(Math.max(0, i - 40), i))?.[1]
      const call = word !== undefined && !SQL_KEYWORDS.has(word.toLowerCase())
      stack.push({ call, args: /^\s*\)/.test(text.slice(i + 1)) ? 0 : 1 })
    } else if (ch === ',' && stack.length) stack.at(-1)!.args++
    else if (ch === ')') {
      const frame = stack.pop()
      if (frame?.call) max = Math.max(max, frame.args)
    }
  }
  return max
}

function check(sql: string, params: unknown[]) {
  if (params.length > D1_LIMITS.boundParameters) {
    throw new Error(`D1_ERROR: too many SQL variables (${params.length} > ${D1_LIMITS.boundParameters}) in: ${sql.slice(0, 200)}`)
  }
  if (bytes(sql) > D1_LIMITS.statementBytes) throw new Error(`D1_ERROR: statement too long (${bytes(sql)} bytes)`)
  const args = maxFunctionArguments(sql)
  if (args > D1_LIMITS.functionArguments) throw new Error(`D1_ERROR: too many arguments on a function (${args}) in: ${sql.slice(0, 200)}`)
  for (const value of params) {
    if (typeof value === 'string' && bytes(value) > D1_LIMITS.valueBytes) throw new Error(`D1_ERROR: string or blob too big (${bytes(value)} bytes)`)
  }
}

export function platformD1(real: D1Database = env.DB) {
  const calls: D1Call[] = []
  /** What each `withSession()` was given (a constraint or a bookmark), in order. */
  const sessions: string[] = []
  /** Every statement as bound, in order (a statement bound twice appears twice). */
  const bound: BoundStatement[] = []
  const statements = new WeakMap<object, { sql: string; real: D1PreparedStatement }>()
  const record = (kind: string, sql: string[]) => {
    calls.push({ kind, sql })
    if (calls.length > D1_LIMITS.queriesPerInvocation) throw new Error('D1_ERROR: too many queries in one invocation')
  }
  const statement = (sql: string, stmt: D1PreparedStatement, params: unknown[] = []): D1PreparedStatement => {
    const wrapped = {
      bind: (...values: unknown[]) => {
        check(sql, values)
        bound.push({ sql, params: values })
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
  // The binding and every session made from it (D1 Sessions API) count alike.
  const wrap = <T extends D1Database | D1DatabaseSession>(real: T): T =>
    new Proxy(real, {
      get(target, prop) {
        if (prop === 'prepare') return (sql: string) => statement(sql, target.prepare(sql))
        if (prop === 'batch') {
          return (list: D1PreparedStatement[]) => {
            const inner = list.map((s) => statements.get(s) ?? { sql: '?', real: s })
            record('batch', inner.map((s) => s.sql))
            return target.batch(inner.map((s) => s.real))
          }
        }
        if (prop === 'withSession') {
          return (start?: string) => {
            sessions.push(start ?? 'first-unconstrained')
            return wrap((target as D1Database).withSession(start))
          }
        }
        const value = Reflect.get(target, prop)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  return { d1: wrap(real), calls, sessions, bound }
}
