import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { getJson } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let author: StaffClient

beforeAll(async () => {
  author = await staffClient('author')
})

const preview = (token: string) => getJson(`/api/v1/preview/${token}`)

describe('preview links', () => {
  it('lets anyone with the link read a draft, never cached or indexed', async () => {
    const a = (await author.post('/articles', { title: 'Bản nháp xem trước', body_html: '<p>Chưa đăng</p>' })).body.data
    const link = await author.post(`/articles/${a.id}/preview-link`, {})
    expect(link.status).toBe(201)
    expect(link.body.data.url).toBe(`http://127.0.0.1:8787/api/v1/preview/${link.body.data.token}`)
    expect(link.body.data.expires_at).toMatch(/\+07:00$/)
    const res = await preview(link.body.data.token)
    expect(res.status).toBe(200)
    expect(res.body.data).toMatchObject({ id: a.id, title: 'Bản nháp xem trước', body_html: '<p>Chưa đăng</p>' })
    expect(res.res.headers.get('Cache-Control')).toBe('private, no-store')
    expect(res.res.headers.get('X-Robots-Tag')).toContain('noindex')
    // The draft itself is still not public.
    expect((await getJson(`/api/v1/articles/${a.id}`)).status).toBe(404)
  })

  it('shows the latest saved content, not the content at the time of the link', async () => {
    const a = (await author.post('/articles', { title: 'Trước khi sửa' })).body.data
    const { token } = (await author.post(`/articles/${a.id}/preview-link`, {})).body.data
    await author.patch(`/articles/${a.id}`, { title: 'Sau khi sửa' }, 1)
    expect((await preview(token)).body.data.title).toBe('Sau khi sửa')
  })

  it('answers 404 for a tampered token and 410 for an expired one, with the same private headers', async () => {
    const a = (await author.post('/articles', { title: 'Giả mạo' })).body.data
    const { token, id } = (await author.post(`/articles/${a.id}/preview-link`, { expires_in: 60 })).body.data
    const [payload, sig] = token.split('.')
    const otherId = btoa(`${id + 1}.${Math.floor(Date.now() / 1000) + 3600}`).replace(/=+$/, '')
    for (const forged of [`${otherId}.${sig}`, `${payload}.${sig.slice(0, -2)}AA`, 'abc.def']) {
      const res = await preview(forged)
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('not_found')
      expect(res.res.headers.get('Cache-Control')).toBe('private, no-store')
    }
    // Expired: sign a link with the installation key that ran out a minute ago.
    const { importHmacKey, signToken } = await import('../../worker/lib/signed-token')
    const { fromBase64Url } = await import('../../worker/lib/base64url')
    const stored = await env.DB.prepare("SELECT value FROM app_meta WHERE key = 'preview_signing_key_v2'").first<{ value: string }>()
    const key = await importHmacKey(fromBase64Url(stored!.value)!)
    const expired = await preview(await signToken(key, id, new Date(Date.now() - 60_000)))
    expect(expired.status).toBe(410)
    expect(expired.body.error.code).toBe('gone')
  })

  it('stops working when the article goes to the trash', async () => {
    const a = (await author.post('/articles', { title: 'Sẽ vào thùng rác' })).body.data
    const { token } = (await author.post(`/articles/${a.id}/preview-link`, {})).body.data
    await author.del(`/articles/${a.id}`, undefined, 1)
    expect((await preview(token)).status).toBe(404)
    expect((await author.post(`/articles/${a.id}/preview-link`, {})).status).toBe(409)
  })

  it('refuses bad lifetimes and needs a signed-in user', async () => {
    const a = (await author.post('/articles', { title: 'Thời hạn' })).body.data
    expect((await author.post(`/articles/${a.id}/preview-link`, { expires_in: 10 })).status).toBe(400)
    expect((await author.post(`/articles/${a.id}/preview-link`, { expires_in: 30 * 86400 })).status).toBe(400)
    const anon = await SELF.fetch(`http://127.0.0.1:8787/api/admin/articles/${a.id}/preview-link`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } })
    expect(anon.status).toBe(401)
  })
})
