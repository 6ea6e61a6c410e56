/**
 * "Is the site still up for everyone else?": what four other clients, each on its
 * own connection, get right after something went wrong for one client. A reader
 * opens the article list, reads an article by its slug and searches for its
 * headline; an editor opens the admin article list. Each round asks for
 * something no earlier round asked for (another article, another page size), so
 * the answer comes from the database, not from the worker's read cache.
 */
import { seen, send, type Reply } from './http.ts'
import type { Newsroom } from './newsroom.ts'
import { logExcerpt, settledLog } from './server-log.ts'

interface Check {
  request: (room: Newsroom, round: number) => Promise<Reply>
  /** Whether the user got what they asked for. */
  fine: (reply: Reply, room: Newsroom, round: number) => boolean
}

const searchTerms = (title: string) => title.split(/[\s:,;–]+/).filter(Boolean).slice(0, 5).join(' ')
const articleOf = (room: Newsroom, round: number) => room.readable[round % room.readable.length]!

const CHECKS: Check[] = [
  {
    request: (room, round) => send(room.url, 'GET', `/api/v1/articles?limit=${1 + (round % 100)}`),
    fine: (r) => r.status === 200 && r.json.data.length > 0,
  },
  {
    request: (room, round) => send(room.url, 'GET', `/api/v1/articles/slug/${articleOf(room, round).slug}`),
    fine: (r, room, round) => r.status === 200 && r.json.data.title === articleOf(room, round).title,
  },
  {
    request: (room, round) => send(room.url, 'GET', `/api/v1/search?limit=50&q=${encodeURIComponent(searchTerms(articleOf(room, round).title))}`),
    fine: (r, room, round) => r.status === 200 && r.json.data.some((a: { id: number }) => a.id === articleOf(room, round).id),
  },
  {
    request: (room, round) => send(room.url, 'GET', `/api/admin/articles?limit=${1 + (round % 100)}`, { headers: { authorization: room.credentials.bearer } }),
    fine: (r) => r.status === 200 && r.json.data.length > 0,
  },
]

let rounds = 0

/** What went wrong for the four other clients (empty when all four were served). */
export async function healthProblems(room: Newsroom): Promise<string[]> {
  const round = rounds++
  const replies = await Promise.all(CHECKS.map((check) => check.request(room, round)))
  return replies.flatMap((reply, i) => (CHECKS[i]!.fine(reply, room, round) ? [] : [seen(reply)]))
}

/** Throws what the other clients saw when any of them was not served (a test fails with it; npm run soak reports it). */
export async function expectOthersServed(room: Newsroom, after: string) {
  const problems = await healthProblems(room)
  if (problems.length === 0) return
  throw new Error(`after ${after}, other clients were not served:\n${problems.join('\n')}\n${logExcerpt(await settledLog(room.log))}`)
}
