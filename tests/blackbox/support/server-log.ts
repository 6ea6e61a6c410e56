/**
 * Reading what `wrangler dev` printed. The worker's error handler logs
 * `{"msg":"unhandled", …}` for every 500, and workerd prints "code had hung" when
 * it cancels a request that could never finish: either line means a user got an
 * error for something that was not their fault.
 */
import type { Reply } from './http.ts'
import { seen } from './http.ts'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

/** wrangler's access log, `[wrangler:info] GET /path 200 OK (12ms)`: paths are the clients' words, not the worker's. */
const ACCESS_LINE = /^\[wrangler:info\] [A-Z]+ \S+ \d{3} /

export const logLines = (output: string) => output.replace(ANSI, '').split('\n').filter((line) => line.trim() !== '')

/** Lines that say the worker failed on its own: unhandled errors, hung requests. */
export const alarmingLines = (output: string) => logLines(output).filter((line) => !ACCESS_LINE.test(line) && /unhandled|had hung/i.test(line))

const cut = (line: string, n: number) => (line.length > n ? `${line.slice(0, n)}…` : line)

/** For a failure message: the last errors the worker logged, then the last lines of all. */
export function logExcerpt(output: string): string {
  const errors = alarmingLines(output).slice(-3).map((line) => cut(line, 700))
  const tail = logLines(output).slice(-8).map((line) => cut(line, 300))
  return `--- last errors the server logged (${alarmingLines(output).length} in all) ---\n${errors.join('\n') || '(none)'}\n--- last lines of the server log ---\n${tail.join('\n')}`
}

/**
 * The log once the worker's last lines have arrived: its errors come on another
 * pipe than the access log and may trail the answer a little. For failure
 * messages only; nothing passes or fails on it.
 */
export async function settledLog(log: () => string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 300))
  return log()
}

/** A failure message: what the user saw and what the server said last. */
export const explain = (reply: Reply, output: string, context = '') => `${context ? `${context}: ` : ''}${seen(reply)}\n${logExcerpt(output)}`
