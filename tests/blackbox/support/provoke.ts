/**
 * One client does something wrong; it gets the error it deserves, as the JSON
 * envelope, and every other client is still served. Each provocation is a test of
 * its own that first checks the site was up (so a failure names the provocation
 * that broke it, not a later one).
 */
import { expect, it } from 'vitest'
import { expectOthersServed } from './health.ts'
import type { Reply } from './http.ts'
import type { Newsroom } from './newsroom.ts'
import { explain, settledLog } from './server-log.ts'

export interface Expected {
  /** The status the client must get (any of them, when a list). */
  status: number | number[]
  /** The error code, when the contract names one. */
  code?: string
}

export interface Provocation extends Expected {
  /** What the client did, as a sentence. */
  name: string
  /** Does it, and returns the answer the client got. */
  send: (room: Newsroom) => Promise<Reply>
}

/** Fails with what the client saw and what the server logged, unless the answer is the expected one (an error as the JSON envelope). */
export async function expectAnswer(reply: Reply, expected: Expected, room: Newsroom, context: string) {
  const statuses = [expected.status].flat()
  const code = reply.json?.error?.code
  const wrong =
    !statuses.includes(reply.status) ? `expected ${statuses.join(' or ')}` :
    reply.status >= 400 && typeof code !== 'string' ? 'expected the JSON error envelope' :
    expected.code !== undefined && code !== expected.code ? `expected the error code ${expected.code}` :
    null
  if (wrong) expect.fail(`${wrong}; ${explain(reply, await settledLog(room.log), context)}`)
}

export function itServesOthersAfter(room: () => Newsroom, provocations: Provocation[]) {
  for (const p of provocations) {
    it(`${p.name}: the client gets ${[p.status].flat().join(' or ')}, everyone else is still served`, async () => {
      await expectOthersServed(room(), `an earlier test (before "${p.name}")`)
      await expectAnswer(await p.send(room()), p, room(), p.name)
      await expectOthersServed(room(), `"${p.name}"`)
    })
  }
}
