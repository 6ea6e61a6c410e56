import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import worker from '../../worker/index'
import { getJson } from '../helpers/fixtures'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient
let author: StaffClient
let contributor: StaffClient

beforeAll(async () => {
  ;[editor, author, contributor] = await Promise.all([staffClient('editor'), staffClient('author'), staffClient('contributor')])
})

/** Runs the worker's cron handler as Cloudflare would at `time`, and waits for it. */
async function cronTick(time: Date) {
  const ctx = createExecutionContext()
  worker.scheduled(createScheduledController({ scheduledTime: time, cron: '* * * * *' }), env, ctx)
  await waitOnExecutionContext(ctx)
}

const isPublic = async (id: number) => (await getJson(`/api/v1/articles/${id}`)).status === 200
const revisionCount = async (id: number) => (await env.DB.prepare('SELECT count(*) AS n FROM revisions WHERE article_id = ?').bind(id).first<{ n: number }>())!.n

describe('the editorial workflow over HTTP', () => {
  it('author drafts and submits; author cannot publish; editor publishes; every step is a revision', async () => {
    const draft = (await author.post('/articles', { title: 'Tin của phóng viên' })).body.data
    const submitted = await author.post(`/articles/${draft.id}/submit`, {})
    expect(submitted.status).toBe(200)
    expect(submitted.body.data.status).toBe('review')
    const refused = await author.post(`/articles/${draft.id}/publish`, {})
    expect(refused.status).toBe(403)
    expect(await isPublic(draft.id)).toBe(false)
    const published = await editor.post(`/articles/${draft.id}/publish`, {})
    expect(published.status).toBe(200)
    expect(published.body.data).toMatchObject({ status: 'published', version: 3 })
    expect(published.body.data.published_at).not.toBeNull()
    expect(await isPublic(draft.id)).toBe(true)
    expect(await revisionCount(draft.id)).toBe(3)
    // Once published, the author can no longer edit it.
    expect((await author.patch(`/articles/${draft.id}`, { title: 'Sửa' }, 3)).status).toBe(403)
  })

  it('refuses contributors submitting and authors submitting someone else’s draft', async () => {
    const mine = (await contributor.post('/articles', { title: 'Cộng tác viên' })).body.data
    expect((await contributor.post(`/articles/${mine.id}/submit`, {})).status).toBe(403)
    const theirs = (await editor.post('/articles', { title: 'Bài của biên tập' })).body.data
    expect((await author.post(`/articles/${theirs.id}/submit`, {})).status).toBe(403)
    expect((await author.patch(`/articles/${theirs.id}`, { title: 'x' }, 1)).status).toBe(403)
  })

  it('backdates with a past published_at and refuses a future one', async () => {
    const a = (await editor.post('/articles', { title: 'Bài lưu trữ 2017' })).body.data
    const future = await editor.post(`/articles/${a.id}/publish`, { published_at: new Date(Date.now() + 3600_000).toISOString() })
    expect(future.status).toBe(400)
    expect(future.body.error.details[0].path).toBe('json.published_at')
    const past = await editor.post(`/articles/${a.id}/publish`, { published_at: '2017-04-18T09:35:00+07:00' })
    expect(past.status).toBe(200)
    const pub = await getJson(`/api/v1/articles/${a.id}`)
    expect(pub.body.data.published_at).toBe('2017-04-18T09:35:00+07:00')
    expect(pub.body.data.published_at_display).toBe('09:35 18/04/2017')
  })

  it('unpublish returns to draft (gone publicly); archive only from published', async () => {
    const a = (await editor.post('/articles', { title: 'Gỡ bài' })).body.data
    expect((await editor.post(`/articles/${a.id}/archive`, {})).status).toBe(409)
    await editor.post(`/articles/${a.id}/publish`, {})
    const unpublished = await editor.post(`/articles/${a.id}/unpublish`, {})
    expect(unpublished.body.data.status).toBe('draft')
    expect(await isPublic(a.id)).toBe(false)
    await editor.post(`/articles/${a.id}/publish`, {})
    const archived = await editor.post(`/articles/${a.id}/archive`, {})
    expect(archived.body.data.status).toBe('archived')
    expect(await isPublic(a.id)).toBe(false)
    expect((await editor.post(`/articles/${a.id}/unpublish`, {})).status).toBe(409)
  })

  it('checks If-Match on a transition when one is sent', async () => {
    const a = (await editor.post('/articles', { title: 'Phiên bản chuyển trạng thái' })).body.data
    const stale = await editor.post(`/articles/${a.id}/submit`, {}, 7)
    expect(stale.status).toBe(412)
    expect(stale.body.error.details[0].message).toBe('current version is 1')
    expect((await editor.post(`/articles/${a.id}/submit`, {}, 1)).status).toBe(200)
  })
})

describe('scheduled publishing', () => {
  it('refuses a schedule in the past', async () => {
    const a = (await editor.post('/articles', { title: 'Hẹn giờ sai' })).body.data
    const res = await editor.post(`/articles/${a.id}/schedule`, { at: new Date(Date.now() - 60_000).toISOString() })
    expect(res.status).toBe(400)
    expect(res.body.error.details[0].path).toBe('json.at')
    expect((await author.post(`/articles/${a.id}/schedule`, { at: new Date(Date.now() + 60_000).toISOString() })).status).toBe(403)
  })

  it('goes live on the cron tick after its time, with published_at = the scheduled time', async () => {
    const at = new Date(Date.now() + 5 * 60_000)
    at.setUTCSeconds(0, 0)
    const a = (await editor.post('/articles', { title: 'Tin hẹn giờ', tags: ['Hẹn giờ'] })).body.data
    const scheduled = await editor.post(`/articles/${a.id}/schedule`, { at: at.toISOString() })
    expect(scheduled.status).toBe(200)
    expect(scheduled.body.data).toMatchObject({ status: 'scheduled', published_at: null })

    await cronTick(new Date())
    expect(await isPublic(a.id)).toBe(false)

    await cronTick(new Date(at.getTime() + 60_000))
    expect(await isPublic(a.id)).toBe(true)
    const pub = await getJson(`/api/v1/articles/${a.id}`)
    expect(new Date(pub.body.data.published_at).toISOString()).toBe(at.toISOString())
    // The tag page sees it too (the link table's pub_at followed the status change).
    const byTag = await getJson('/api/v1/articles?tag=hen-gio')
    expect(byTag.body.data.map((x: { id: number }) => x.id)).toContain(a.id)

    const admin = (await editor.get(`/articles/${a.id}`)).body.data
    expect(admin).toMatchObject({ status: 'published', scheduled_at: null, version: 3 })
    const audit = await env.DB.prepare("SELECT actor_id FROM audit_log WHERE action = 'article.published' AND resource_id = ?").bind(String(a.id)).first<{ actor_id: number | null }>()
    expect(audit).toEqual({ actor_id: null })
  })

  it('leaves unpublished or trashed scheduled articles alone', async () => {
    const at = new Date(Date.now() + 60_000).toISOString()
    const a = (await editor.post('/articles', { title: 'Hẹn rồi huỷ' })).body.data
    await editor.post(`/articles/${a.id}/schedule`, { at })
    await editor.post(`/articles/${a.id}/unpublish`, {})
    const b = (await editor.post('/articles', { title: 'Hẹn rồi xoá' })).body.data
    const sb = (await editor.post(`/articles/${b.id}/schedule`, { at })).body.data
    await editor.del(`/articles/${b.id}`, undefined, sb.version)
    await cronTick(new Date(Date.now() + 10 * 60_000))
    expect((await editor.get(`/articles/${a.id}`)).body.data.status).toBe('draft')
    expect((await editor.get(`/articles/${b.id}`)).body.data.status).toBe('scheduled')
    expect(await isPublic(b.id)).toBe(false)
  })
})
