/**
 * The figures of a generated run: requests sent, answers by status class, the
 * operations that were served at least once, and every 5xx or unanswered request
 * with what it sent, to reproduce it.
 */
import { seen, type Reply } from '../http.ts'
import type { FuzzRequest } from './requests.ts'

export interface Tally {
  sent: number
  byClass: Record<string, number>
  /** Per operation: [answers, 2xx answers]. */
  byOperation: Map<string, [number, number]>
  /** 5xx and no answer, with the request that got them. */
  failures: string[]
}

export const newTally = (): Tally => ({ sent: 0, byClass: {}, byOperation: new Map(), failures: [] })

export function count(tally: Tally, req: FuzzRequest, reply: Reply) {
  tally.sent++
  const cls = reply.status === 0 ? 'no answer' : `${Math.floor(reply.status / 100)}xx`
  tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1
  const [n, ok] = tally.byOperation.get(req.operation) ?? [0, 0]
  tally.byOperation.set(req.operation, [n + 1, ok + (reply.status >= 200 && reply.status < 300 ? 1 : 0)])
  if (reply.status === 0 || reply.status >= 500) {
    const body = req.body === undefined ? '' : ` body ${JSON.stringify(req.body.slice(0, 200))}`
    tally.failures.push(`${seen(reply)}\n    sent headers ${JSON.stringify(req.headers).slice(0, 300)}${body}`)
  }
}

export function figures(tally: Tally, seed: number): string {
  const classes = Object.entries(tally.byClass).sort().map(([c, n]) => `${c} ${n}`).join(', ')
  const served = [...tally.byOperation.values()].filter(([, ok]) => ok > 0).length
  const never = [...tally.byOperation].filter(([, [, ok]]) => ok === 0).map(([op]) => op)
  return [
    `fuzz (seed ${seed}): ${tally.sent} requests over ${tally.byOperation.size} operations: ${classes}; 5xx or no answer: ${tally.failures.length}`,
    `operations answered 2xx at least once: ${served}/${tally.byOperation.size}${never.length ? ` (never: ${never.join(', ')})` : ''}`,
  ].join('\n')
}
