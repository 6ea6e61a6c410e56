/**
 * A D1 binding whose every round trip waits `ms` first: what a Worker far from its
 * D1 primary pays per call in production (local D1 answers in well under a
 * millisecond). `prepare().all/first/run/raw` and each `batch()` are one round trip
 * each, as D1 bills and as tests/helpers/platform-d1.ts counts them. Sessions
 * (`withSession`) are wrapped the same way. Only the bench's entry module uses it.
 *
 * @example
 * const slow = delayedD1(env.DB, 25)
 */
type Handle = D1Database | D1DatabaseSession

const ROUND_TRIPS = new Set(['all', 'first', 'run', 'raw'])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function delayedD1<T extends Handle>(real: T, ms: number): T {
  const unwrap = new WeakMap<object, D1PreparedStatement>()
  const statement = (stmt: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => statement(target.bind(...values))
        const value = Reflect.get(target, prop)
        if (typeof value !== 'function') return value
        if (!ROUND_TRIPS.has(String(prop))) return value.bind(target)
        return async (...args: unknown[]) => {
          await sleep(ms)
          return value.apply(target, args)
        }
      },
    })
    unwrap.set(wrapped, stmt)
    return wrapped
  }
  return new Proxy(real, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => statement(target.prepare(sql))
      if (prop === 'batch') {
        return async (list: D1PreparedStatement[]) => {
          await sleep(ms)
          return target.batch(list.map((s) => unwrap.get(s) ?? s))
        }
      }
      if (prop === 'withSession') {
        return (...args: unknown[]) => delayedD1((target as D1Database).withSession(...(args as [string])), ms)
      }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
