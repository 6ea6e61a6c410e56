/**
 * Clients that go away mid-request: an editor whose connection drops while a big
 * article is uploading or just after it was sent, readers who close the tab while
 * a 100-article page or a search is downloading. The worker must not hold that
 * against anyone else, and a dropped save lands whole or not at all.
 */
import { describe, expect, it } from 'vitest'
import { bodyHtml } from './support/corpus/text.ts'
import { rng } from '../../bench/corpus.mjs'
import { expectOthersServed } from './support/health.ts'
import { hangUpBeforeAnswer, hangUpMidDownload, hangUpMidUpload, type RawRequest } from './support/hang-up.ts'
import { seen } from './support/http.ts'
import type { Newsroom } from './support/newsroom.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const TAGS = Array.from({ length: 30 }, (_, i) => `Mất kết nối ${i + 1}`)

/** An editor's save of a near-limit article, as raw bytes. */
function bigSave(room: Newsroom, title: string): RawRequest & { body: Buffer } {
  const body = Buffer.from(JSON.stringify({ title, summary: 'Phóng viên gửi bài từ vùng lũ, sóng điện thoại chập chờn.', body_html: bodyHtml(rng(title.length), 190_000), tags: TAGS }))
  return { method: 'POST', path: '/api/admin/articles', headers: { authorization: room.credentials.bearer, 'content-type': 'application/json' }, body }
}

/** Admin articles whose headline is `title`, with their tags (newest writes first). */
async function savedAs(room: Newsroom, title: string) {
  const reply = await room.api.get('/articles?limit=20')
  expect(reply.status, seen(reply)).toBe(200)
  return reply.json.data.filter((a: { title: string }) => a.title === title) as { id: number; tags: string[]; body_html: string }[]
}

describe('clients that hang up', () => {
  const room = useNewsroom()

  it('an editor whose connection drops halfway through uploading a big article: nothing is saved, others are served', async () => {
    const title = 'Quảng Nam: Phóng viên mất sóng giữa lúc gửi bài về lũ quét ở huyện Nam Trà My, bản thứ nhất'
    await expectOthersServed(room(), 'an earlier test')
    await hangUpMidUpload(room().url, bigSave(room(), title))
    await expectOthersServed(room(), 'a big article upload broken off halfway')
    expect(await savedAs(room(), title), 'half an upload was saved as an article').toEqual([])
  })

  it('an editor whose connection drops right after sending a big article: it is saved whole or not at all, others are served', async () => {
    const title = 'Quảng Nam: Phóng viên mất sóng ngay sau khi gửi bài về lũ quét ở huyện Nam Trà My, bản thứ hai'
    await expectOthersServed(room(), 'an earlier test')
    await hangUpBeforeAnswer(room().url, bigSave(room(), title))
    await expectOthersServed(room(), 'a big article save whose client left before the answer')
    for (const saved of await savedAs(room(), title)) expect(saved.tags, 'a dropped save was half applied').toEqual(TAGS)
  })

  it('eight readers closing the tab while a 100-article page downloads: others are served', async () => {
    await expectOthersServed(room(), 'an earlier test')
    const got = await Promise.all(Array.from({ length: 8 }, (_, i) => hangUpMidDownload(room().url, { method: 'GET', path: `/api/v1/articles?limit=${100 - i}` })))
    expect(got.every((n) => n > 0), 'the page never started to arrive').toBe(true)
    await expectOthersServed(room(), 'eight list downloads broken off')
  })

  it('readers leaving mid-search and mid-article, and an editor mid-list: others are served', async () => {
    await expectOthersServed(room(), 'an earlier test')
    await Promise.all([
      hangUpMidDownload(room().url, { method: 'GET', path: `/api/v1/search?limit=50&q=${encodeURIComponent('lũ quét miền Trung')}` }),
      hangUpMidDownload(room().url, { method: 'GET', path: `/api/v1/articles/slug/${room().probe.slug}` }),
      hangUpMidDownload(room().url, { method: 'GET', path: '/api/admin/articles?limit=100', headers: { authorization: room().credentials.bearer } }),
    ])
    await expectOthersServed(room(), 'a search, an article and an admin list broken off')
  })

  it('a reader leaving before the answer to a list by an unknown category and a known tag: others are served', async () => {
    await expectOthersServed(room(), 'an earlier test')
    await hangUpBeforeAnswer(room().url, { method: 'GET', path: '/api/v1/articles?limit=99&category=khong-co&tag=da-nang' })
    await expectOthersServed(room(), 'a list by an unknown category broken off before its 404')
  })

  itLoggedNoUnhandledError(room)
})
