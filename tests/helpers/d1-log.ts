/**
 * The real D1 binding with every prepared statement logged: its SQL and the values
 * bound to it, so a test can hold statements to D1's limits (100 bound parameters,
 * 100 KB of SQL) without a mock. Statements still run on Miniflare's D1.
 */
export interface LoggedStatement {
  sql: string
  params: unknown[]
}

export function loggingD1(d1: D1Database) {
  const statements: LoggedStatement[] = []
  const proxy = new Proxy(d1, {
    get(target, prop) {
      const value = Reflect.get(target, prop)
      if (typeof value !== 'function') return value
      if (prop !== 'prepare') return value.bind(target)
      return (sql: string) => {
        const logged: LoggedStatement = { sql, params: [] }
        statements.push(logged)
        const statement = target.prepare(sql)
        return new Proxy(statement, {
          get(stmt, p) {
            const member = Reflect.get(stmt, p)
            if (p !== 'bind') return typeof member === 'function' ? member.bind(stmt) : member
            return (...params: unknown[]) => {
              logged.params = params
              return stmt.bind(...params)
            }
          },
        })
      }
    },
  })
  return { d1: proxy, statements }
}

/** UTF-8 bytes of a statement's SQL or of a bound value. */
export const byteLength = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value) ?? '').length
