/**
 * The frame of every black-box file: its own copy of the newsroom served for the
 * file, and a last test that stops the server and reads everything it logged.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { openNewsroom, type Newsroom } from './newsroom.ts'
import { alarmingLines } from './server-log.ts'

/**
 * Serves the built newsroom for this file; call the returned function inside tests.
 *
 * @example
 * const room = useNewsroom()
 * it('lists', async () => expect((await send(room().url, 'GET', '/api/v1/articles')).status).toBe(200))
 */
export function useNewsroom(vars: Record<string, string> = {}): () => Newsroom {
  let room: Newsroom | undefined
  beforeAll(async () => {
    const built = inject('newsroom')
    if (built.error !== null) throw new Error(`the newsroom could not be built:\n${built.error}`)
    room = await openNewsroom(built.state, vars)
  })
  afterAll(() => room?.close())
  return () => {
    if (!room) throw new Error('the newsroom is not running (see the beforeAll failure)')
    return room
  }
}

/** The file's last test: no 500 was logged as unhandled and no request hung, over the whole file. */
export function itLoggedNoUnhandledError(room: () => Newsroom) {
  it('logged no unhandled error and no hung request (checked after the server stopped)', async () => {
    await room().close()
    const lines = alarmingLines(room().log())
    expect(lines, `the server logged:\n${lines.slice(0, 12).join('\n').slice(0, 6000)}`).toEqual([])
  })
}
