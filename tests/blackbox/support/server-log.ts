/**
 * Reading what `wrangler dev` printed. The worker's error handler logs
 * `{"msg":"unhandled", …}` for every 500, and workerd prints "code had hung" when
 * it cancels a request that could never finish: either line means a user got an
 * error page for something that was not their fault.
 */
import type { Reply } from './http.ts'
import { seen } from './http.ts'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

export const logLines = (output: string) => output.replace(ANSI, '').split('\n').filter((line) => line.trim() !== '')

/** wrangler's access log, `[wrangler:info] GET /path 200 OK (12ms)`: paths are the clients' words, not the worker's. */
const ACCESS_LINE = /^\[wrangler:info\] [A-Z]+ \S+ \d{3} /

/** Lines that say the worker failed on its own: unhandled errors, hung requests. */
export const alarmingLines = (output: string) => logLines(output).filter((line) => !ACCESS_LINE.test(line) && /unhandled|had hung/i.test(line))

/** The last `n` lines, each cut to a readable width. */
export const logTail = (output: string, n = 12) =>
  logLines(output)
    .slice(-n)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
    .join('\n')

/** A failure message: what the user saw and what the server said last. */
export const explain = (reply: Reply, output: string, context = '') =>
  `${context ? `${context}: ` : ''}${seen(reply)}\n--- last lines of the server log ---\n${logTail(output)}`
