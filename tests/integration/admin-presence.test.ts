import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { heartbeat, present, PRESENCE_TTL_SECONDS } from '../../worker/services/editorial/presence'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { BASE } from '../helpers/auth'

let editor: StaffClient
let author: StaffClient
let contributor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
  author = await staffClient('author')
  contributor = await staffClient('contributor')
})

describe('article presence (who else has it open)', () => {
  it('answers each editor with the others present, never themselves, and forgets one who leaves', async () => {
    // The author's own draft: the desk may read it too.
    const a = (await author.post('/articles', { title: 'Ai đang sửa bài này?' })).body.data
    const first = await editor.post(`/articles/${a.id}/presence`, {})
    expect(first.status).toBe(200)
    expect(first.res.headers.get('Cache-Control')).toBe('no-store')
    expect(first.body.data).toEqual([])

    const second = await author.post(`/articles/${a.id}/presence`, {})
    expect(second.body.data).toEqual([{ user_id: editor.user.id, name: editor.user.name, at: expect.any(String) }])
    expect((await editor.post(`/articles/${a.id}/presence`, {})).body.data.map((p: { user_id: number }) => p.user_id)).toEqual([author.user.id])

    expect((await author.del(`/articles/${a.id}/presence`)).status).toBe(204)
    expect((await editor.post(`/articles/${a.id}/presence`, {})).body.data).toEqual([])
  })

  it('tells nobody who edits an article they may not read, and does not announce them there', async () => {
    const a = (await author.post('/articles', { title: 'Bài cấm vận của ban Thời sự' })).body.data
    await author.post(`/articles/${a.id}/presence`, {})
    const peek = await contributor.post(`/articles/${a.id}/presence`, {})
    expect(peek.status).toBe(404)
    expect(peek.body).toEqual((await contributor.post('/articles/99999999/presence', {})).body)
    expect((await author.post(`/articles/${a.id}/presence`, {})).body.data).toEqual([])
  })

  it('keeps one key per (article, user) with a TTL, so no key is written faster than KV allows', async () => {
    await heartbeat(env.VIEWS, 777, { id: 1, name: 'Lan' })
    await heartbeat(env.VIEWS, 777, { id: 2, name: 'Minh' })
    const keys = (await env.VIEWS.list({ prefix: 'presence:v1:777:' })).keys
    expect(keys.map((k) => k.name).sort()).toEqual(['presence:v1:777:1', 'presence:v1:777:2'])
    expect(keys.every((k) => k.expiration !== undefined)).toBe(true)
  })

  it('ignores a heartbeat older than the TTL even if the listing still shows it', async () => {
    await heartbeat(env.VIEWS, 778, { id: 3, name: 'Hà' }, new Date(Date.now() - (PRESENCE_TTL_SECONDS + 5) * 1000))
    expect(await present(env.VIEWS, 778, 0)).toEqual([])
  })

  it('is staff only and checks the id', async () => {
    expect((await SELF.fetch(`${BASE}/api/admin/articles/1/presence`, { method: 'POST', body: '{}' })).status).toBe(401)
    expect((await editor.post('/articles/abc/presence', {})).status).toBe(400)
  })
})
