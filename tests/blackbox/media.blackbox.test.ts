/**
 * Photos as a newsroom and its readers meet them over HTTP: the photo desk's
 * uploads (a 6 MB camera JPEG among them) kept byte for byte under their sniffed
 * type; every published story's cover and figures served with absolute URLs, the
 * story's own caption where the desk wrote one, the library's defaults otherwise;
 * captions found by search; files that are not photos refused with nothing stored;
 * a photo in use kept from deletion. All through the running worker, no platform access.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { mapLimit } from '../../worker/lib/map-limit.ts'
import type { CreatedArticle, UploadedPhoto } from './support/corpus/create.ts'
import { send, seen, type Reply } from './support/http.ts'
import { multipart } from './support/staff.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const pathOf = (url: string) => new URL(url).pathname

describe('photos in a newsroom, over HTTP', () => {
  const room = useNewsroom()
  const photos = () => room().report.photos.filter((p): p is UploadedPhoto => p !== null)
  const illustrated = () => room().published.filter((a) => a.cover !== null || a.figures.length > 0)
  const photo = (i: number) => room().report.photos[i]!

  it('stored every photo the desk uploaded, with the type and size read from its bytes', async () => {
    const { report } = room()
    expect(report.photos.length).toBe(report.planned.photos)
    expect(report.photos.filter((p) => p === null).length, report.failures.filter((f) => f.includes('photo')).join('\n')).toBe(0)
    const camera = photo(0)
    expect(camera).toMatchObject({ content_type: 'image/jpeg', width: 6000, height: 4000 })
    expect(camera.bytes).toBeGreaterThan(6_000_000)
    expect(photo(1).content_type).toBe('image/avif')
    expect(photo(2).content_type).toBe('image/gif')
    // Absolute on the site's public URL (SITE_URL), which is where articles point too.
    const site = new URL(room().report.photos.find(Boolean)!.url).origin
    const article = await send(room().url, 'GET', `/api/v1/articles/${room().probe.id}`)
    expect(new URL(article.json.data.url).origin).toBe(site)
    for (const p of photos()) expect(p.url.startsWith(`${site}/media/`), p.url).toBe(true)
  })

  it('serves every stored photo byte for byte, typed, nosniff and cached for a year', async () => {
    const replies = await mapLimit(photos(), 3, (p) => send(room().url, 'GET', pathOf(p.url)))
    const wrong = replies.flatMap((r, i) => {
      const p = photos()[i]!
      const ok =
        r.status === 200 &&
        sha256(r.bytes) === p.sha256 &&
        r.headers['content-type'] === p.content_type &&
        r.headers['x-content-type-options'] === 'nosniff' &&
        String(r.headers['cache-control']).includes('immutable')
      return ok ? [] : [`${p.filename}: ${r.status} ${r.headers['content-type']} ${r.bytes.length}/${p.bytes} bytes`]
    })
    expect(wrong, wrong.join('\n')).toEqual([])
  })

  it('gives every illustrated story its cover and figures, absolute, sized, with its own or the library caption', async () => {
    const stories = illustrated()
    expect(stories.length, 'published stories with photos').toBeGreaterThanOrEqual(100)
    const replies = await mapLimit(stories, 4, (a) => send(room().url, 'GET', `/api/v1/articles/${a.id}`))
    const wrong = replies.flatMap((r, i) => problems(stories[i]!, r).map((p) => `${stories[i]!.id}: ${p}`))
    expect(wrong.length, wrong.slice(0, 10).join('\n')).toBe(0)
  })

  function problems(a: CreatedArticle, r: Reply): string[] {
    if (r.status !== 200) return [seen(r)]
    const { cover, body_html } = r.json.data
    const out: string[] = []
    if (a.cover) {
      const p = photo(a.cover.photo)
      const expected = { url: p.url, width: p.width, height: p.height, caption: a.cover.caption ?? p.caption, alt: a.cover.alt ?? p.alt, credit: p.credit }
      if (JSON.stringify(pick(cover, expected)) !== JSON.stringify(expected)) out.push(`cover ${JSON.stringify(cover)} is not ${JSON.stringify(expected)}`)
    } else if (cover !== null) out.push(`a cover that was never set: ${JSON.stringify(cover)}`)
    for (const f of a.figures) {
      const p = photo(f)
      const img = new RegExp(`<figure><img [^>]*src="${p.url.replace(/[.]/g, '\\.')}"[^>]*>`).exec(body_html)?.[0]
      if (!img) out.push(`no figure of ${p.url}`)
      else if (!img.includes(`width="${p.width}"`) || !img.includes(`height="${p.height}"`) || !img.includes('loading="lazy"')) out.push(`figure ${img}`)
    }
    if (/src="\/media\//.test(body_html)) out.push('a relative /media/ URL in the public body')
    return out
  }

  const pick = (o: Record<string, unknown> | null, like: Record<string, unknown>) => o && Object.fromEntries(Object.keys(like).map((k) => [k, o[k]]))

  it('finds a story by a word only its photo caption has', async () => {
    const reply = await send(room().url, 'GET', '/api/v1/search?q=flycam')
    expect(reply.status, seen(reply)).toBe(200)
    expect(reply.json.data.map((hit: { id: number }) => hit.id)).toEqual([room().report.articles[0]!.id])
  })

  it('finds photos by credit and caption without accents', async () => {
    const reply = await room().api.get('/media?q=quang%20minh&limit=100')
    expect(reply.status, seen(reply)).toBe(200)
    const found = reply.json.data.map((m: { id: number }) => m.id)
    expect(found).toContain(photo(3).id)
    for (const m of reply.json.data) expect(`${m.credit} ${m.caption} ${m.alt} ${m.filename}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toContain('quang minh')
  })

  it('answers a reader’s range and revalidation of a cover like a CDN would', async () => {
    const p = photo(0)
    const part = await send(room().url, 'GET', pathOf(p.url), { headers: { range: 'bytes=1000-1999' } })
    const whole = await send(room().url, 'GET', pathOf(p.url))
    expect(part.status, seen(part)).toBe(206)
    expect(part.bytes.equals(whole.bytes.subarray(1000, 2000))).toBe(true)
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${p.bytes}`)
    const past = await send(room().url, 'GET', pathOf(p.url), { headers: { range: `bytes=${p.bytes}-` } })
    expect(past.status).toBe(416)
    const again = await send(room().url, 'GET', pathOf(p.url), { headers: { 'if-none-match': String(whole.headers.etag) } })
    expect(again.status).toBe(304)
  })

  it('refuses files that are not photos, by their bytes, and stores nothing', async () => {
    const before = await room().api.get('/media?limit=100')
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>')
    for (const [bytes, name] of [[html, 'anh-mua-lu.jpg'], [svg, 'logo.svg'], [Buffer.alloc(0), 'trong.png']] as const) {
      const reply = await room().api.upload(bytes, name)
      expect([415, 422], seen(reply)).toContain(reply.status)
      expect(reply.json.error.message.length).toBeGreaterThan(10)
    }
    const after = await room().api.get('/media?limit=100')
    expect(after.json.data.map((m: { id: number }) => m.id)).toEqual(before.json.data.map((m: { id: number }) => m.id))
  })

  it('refuses an upload over the size cap with 413 and keeps answering', async () => {
    const { body, contentType } = await multipart(new Uint8Array(21 * 1024 * 1024), 'qua-lon.jpg')
    const reply = await send(room().url, 'POST', '/api/admin/media', {
      headers: { authorization: room().credentials.bearer, 'content-type': contentType },
      body,
      deadlineMs: 60_000,
    })
    expect(reply.status, seen(reply)).toBe(413)
    const next = await send(room().url, 'GET', `/api/v1/articles/${room().probe.id}`)
    expect(next.status, seen(next)).toBe(200)
  })

  it('keeps a photo that stories use from being deleted, and says which stories', async () => {
    const story = illustrated().find((a) => a.cover !== null)!
    const p = photo(story.cover!.photo)
    const item = await room().api.get(`/media/${p.id}`)
    expect(item.status, seen(item)).toBe(200)
    expect(item.json.data.used_by.map((u: { id: number }) => u.id)).toContain(story.id)
    const refused = await room().api.del(`/media/${p.id}`, undefined, { 'if-match': `"${item.json.data.version}"` })
    expect(refused.status, seen(refused)).toBe(409)
    const still = await send(room().url, 'GET', pathOf(p.url))
    expect(still.status).toBe(200)
  })

  itLoggedNoUnhandledError(room)
})
