/**
 * "Is the site still up for everyone else?": what four other clients, each on its
 * own connection, get right after something went wrong for one client. A reader
 * opens the home list, reads the probe article by its slug and searches for its
 * headline; an editor opens the admin article list.
 */
import { expect } from 'vitest'
import { seen, send, type Reply } from './http.ts'
import type { Newsroom } from './newsroom.ts'
import { logTail } from './server-log.ts'

interface Check {
  request: (room: Newsroom) => Promise<Reply>
  /** What the user should see, or why not. */
  fine: (reply: Reply, room: Newsroom) => boolean
}

const searchTerms = (title: string) => title.split(/[\s:,;–]+/).filter(Boolean).slice(0, 4).join(' ')

const CHECKS: Check[] = [
  {
    request: (room) => send(room.url, 'GET', '/api/v1/articles?limit=20'),
    fine: (r) => r.status === 200 && r.json.data.length > 0,
  },
  {
    request: (room) => send(room.url, 'GET', `/api/v1/articles/slug/${room.probe.slug}`),
    fine: (r, room) => r.status === 200 && r.json.data.title === room.probe.title,
  },
  {
    request: (room) => send(room.url, 'GET', `/api/v1/search?limit=50&q=${encodeURIComponent(searchTerms(room.probe.title))}`),
    fine: (r, room) => r.status === 200 && r.json.data.some((a: { id: number }) => a.id === room.probe.id),
  },
  {
    request: (room) => send(room.url, 'GET', '/api/admin/articles?limit=5', { headers: { authorization: room.credentials.bearer } }),
    fine: (r) => r.status === 200 && r.json.data.length > 0,
  },
]

/** What went wrong for the four other clients (empty when all four were served). */
export async function healthProblems(room: Newsroom): Promise<string[]> {
  const replies = await Promise.all(CHECKS.map((check) => check.request(room)))
  return replies.flatMap((reply, i) => (CHECKS[i]!.fine(reply, room) ? [] : [seen(reply)]))
}

/** Fails with what the other clients saw when any of them was not served. */
export async function expectOthersServed(room: Newsroom, after: string) {
  const problems = await healthProblems(room)
  const message = `after ${after}, other clients were not served:\n${problems.join('\n')}\n--- last lines of the server log ---\n${logTail(room.log())}`
  expect(problems, message).toEqual([])
}
