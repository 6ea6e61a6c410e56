import { SELF } from 'cloudflare:test'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createArticle, getJson } from '../helpers/fixtures'
import { beacon, BROWSER_UA, runCron, storedTotal } from '../helpers/views'

const base = 'http://127.0.0.1:8787/api/v1'
const views = async (id: number) => (await getJson(`/api/v1/articles/${id}`)).body.data.views as number
const pixel = (id: number | string, ua = BROWSER_UA) =>
  SELF.fetch(`${base}/articles/${id}/views.gif`, { headers: { 'User-Agent': ua } })

describe('view beacon and pixel', () => {
  it('answers a beacon with 204, no body and no-store, whatever sendBeacon sends', async () => {
    const a = await createArticle({ title: 'Hà Nội: khai trương tuyến buýt điện mới' })
    const bodies: RequestInit[] = [
      { body: 'x', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } },
      { body: null },
      { body: '{"ref":"home"}', headers: { 'Content-Type': 'application/json' } },
      { body: new URLSearchParams({ ref: 'home' }) },
    ]
    for (const init of bodies) {
      const res = await SELF.fetch(`${base}/articles/${a.id}/views`, {
        method: 'POST',
        ...init,
        headers: { 'User-Agent': BROWSER_UA, Origin: 'https://tin.example.vn', ...(init.headers as Record<string, string>) },
      })
      expect(res.status).toBe(204)
      expect(await res.text()).toBe('')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    }
    expect(await views(a.id)).toBe(4)
  })

  it('answers the pixel with a 1x1 GIF that is never cached', async () => {
    const a = await createArticle({ title: 'Đà Nẵng: lễ hội pháo hoa quốc tế khai mạc' })
    const res = await pixel(a.id)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/gif')
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('GIF89a')
    expect([bytes[6]! | (bytes[7]! << 8), bytes[8]! | (bytes[9]! << 8)]).toEqual([1, 1])
    expect(await views(a.id)).toBe(1)
  })

  it('shows a view on the article at once, and the same number after flush and rollup', async () => {
    const a = await createArticle({ title: 'Cần Thơ: giá lúa tăng mạnh đầu vụ' })
    expect(await views(a.id)).toBe(0)
    for (let i = 0; i < 3; i++) expect((await beacon(a.id)).status).toBe(204)
    await pixel(a.id)
    await pixel(a.id)
    expect(await views(a.id)).toBe(5)
    await runCron()
    expect(await storedTotal(a.id)).toBe(5)
    expect(await views(a.id)).toBe(5)
    await beacon(a.id)
    expect(await views(a.id)).toBe(6)
    await runCron()
    await runCron()
    expect(await storedTotal(a.id)).toBe(6)
    expect(await views(a.id)).toBe(6)
  })

  it('does not count crawlers, tools, an empty user agent or a prefetch', async () => {
    const a = await createArticle({ title: 'Huế: trùng tu cửa Thượng Tứ hoàn thành' })
    const bots = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
      'Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'curl/8.5.0',
      '',
    ]
    for (const ua of bots) expect((await beacon(a.id, { 'User-Agent': ua })).status).toBe(204)
    await pixel(a.id, bots[0])
    expect((await beacon(a.id, { 'User-Agent': BROWSER_UA, 'Sec-Purpose': 'prefetch' })).status).toBe(204)
    expect(await views(a.id)).toBe(0)

    const readers = [
      BROWSER_UA,
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/124.0.200 Chrome/118.0.0.0 Safari/537.36',
      'Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Zalo iOS/480 ZaloTheme/light ZaloLanguage/vn',
    ]
    for (const ua of readers) await beacon(a.id, { 'User-Agent': ua })
    await runCron()
    expect(await storedTotal(a.id)).toBe(readers.length)
  })

  it('answers 204 for drafts, scheduled, archived, trashed and unknown articles without counting them', async () => {
    const hidden = await Promise.all([
      createArticle({ title: 'Bản nháp chưa duyệt', status: 'draft' }),
      createArticle({ title: 'Bài hẹn giờ đăng', status: 'scheduled', scheduledAt: '2030-01-01T00:00:00Z' }),
      createArticle({ title: 'Bài đã lưu trữ', status: 'archived', publishedAt: '2017-04-18T02:35:00Z' }),
      createArticle({ title: 'Bài đã xoá vào thùng rác', deleted: true }),
    ])
    const ids = [...hidden.map((a) => a.id), 987654321]
    for (const id of ids) {
      expect((await beacon(id)).status).toBe(204)
      expect((await pixel(id)).status).toBe(200)
    }
    await runCron()
    for (const id of ids) expect(await storedTotal(id)).toBe(0)
  })

  it('rejects ids that are not positive integers with a 400 JSON error, for the beacon and the pixel', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '01', '1e3', '99999999999999999']) {
      for (const res of [await beacon(id), await pixel(id)]) {
        expect(res.status).toBe(400)
        const body = (await res.json()) as { error: { code: string; details: { path: string }[] } }
        expect(body.error.code).toBe('validation_failed')
        expect(body.error.details[0]!.path).toBe('param.id')
      }
    }
  })

  it('never answers a malformed id with anything but a 4xx JSON error (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 24 }), async (raw) => {
        fc.pre(!/^[1-9][0-9]{0,15}$/.test(raw) && raw !== '.' && raw !== '..')
        const res = await beacon(encodeURIComponent(raw))
        expect(res.status).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
        expect(((await res.json()) as { error: { code: string } }).error.code).toBeTypeOf('string')
      }),
      { numRuns: 60 },
    )
  })
})
