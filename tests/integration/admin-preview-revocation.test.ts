/**
 * Preview links are revocable (issue 13): each has an id, is listed on its
 * article, can be revoked, and dies when the article is trashed, set back to
 * draft or its embargo (scheduled time) changes; a restore does not revive it.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { getJson } from '../helpers/fixtures'

let editor: StaffClient
let author: StaffClient
let otherAuthor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
  author = await staffClient('author')
  otherAuthor = await staffClient('author')
})

const opens = async (token: string) => (await getJson(`/api/v1/preview/${token}`)).status
const hour = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

async function draftWithLink(by: StaffClient, title = `Xem trước ${crypto.randomUUID().slice(0, 8)}`) {
  const a = (await by.post('/articles', { title })).body.data
  const link = (await by.post(`/articles/${a.id}/preview-link`, {})).body.data
  return { id: a.id as number, link: link as { id: number; token: string } }
}

const linkOf = async (by: StaffClient, articleId: number, linkId: number) =>
  (await by.get(`/articles/${articleId}/preview-links`)).body.data.find((l: any) => l.id === linkId)

describe('listing and revoking', () => {
  it('lists the links of an article without their tokens', async () => {
    const { id, link } = await draftWithLink(author)
    const second = (await author.post(`/articles/${id}/preview-link`, { expires_in: 3600 })).body.data
    const list = await author.get(`/articles/${id}/preview-links`)
    expect(list.status).toBe(200)
    expect(list.body.data.map((l: any) => l.id)).toEqual([second.id, link.id])
    expect(list.body.data[0]).toMatchObject({ article_id: id, created_by: author.user.id, state: 'active', revoked_at: null, revoked_reason: null })
    expect(JSON.stringify(list.body)).not.toContain(link.token)
  })

  it('a revoked link stops at once; revoking again is a no-op; the other links still work', async () => {
    const { id, link } = await draftWithLink(author)
    const kept = (await author.post(`/articles/${id}/preview-link`, {})).body.data
    expect(await opens(link.token)).toBe(200)
    expect((await author.del(`/articles/${id}/preview-links/${link.id}`)).status).toBe(204)
    expect(await opens(link.token)).toBe(404)
    expect(await opens(kept.token)).toBe(200)
    expect(await linkOf(author, id, link.id)).toMatchObject({ state: 'revoked', revoked_reason: 'revoked' })
    expect((await author.del(`/articles/${id}/preview-links/${link.id}`)).status).toBe(204)
    const audit = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'article.preview_link_revoked' AND resource_id = ?").bind(String(id)).first<{ n: number }>()
    expect(audit!.n).toBe(1)
  })

  it('another article’s link, or an unknown one, is a 404; a reader who may not edit gets 403 or 404', async () => {
    const one = await draftWithLink(author)
    const two = await draftWithLink(author)
    expect((await author.del(`/articles/${one.id}/preview-links/${two.link.id}`)).status).toBe(404)
    expect((await author.del(`/articles/${one.id}/preview-links/99999999`)).status).toBe(404)
    expect((await otherAuthor.del(`/articles/${one.id}/preview-links/${one.link.id}`)).status).toBe(404)
    expect((await otherAuthor.get(`/articles/${one.id}/preview-links`)).status).toBe(404)
    await editor.post(`/articles/${one.id}/submit`, {})
    await editor.post(`/articles/${one.id}/schedule`, { at: hour(5) })
    // A scheduled story: the author reads it but may no longer edit it.
    expect((await author.del(`/articles/${one.id}/preview-links/${one.link.id}`)).status).toBe(403)
    expect(await opens(two.link.token)).toBe(200)
  })
})

describe('links die with the state they were made for', () => {
  it('trashed: dead, and a restore does not revive it', async () => {
    const { id, link } = await draftWithLink(author)
    await author.del(`/articles/${id}`, undefined, 1)
    expect(await opens(link.token)).toBe(404)
    expect((await author.post(`/articles/${id}/restore`, {})).status).toBe(200)
    expect(await opens(link.token)).toBe(404)
    expect(await linkOf(author, id, link.id)).toMatchObject({ state: 'revoked', revoked_reason: 'trashed' })
  })

  it('unpublished: dead, and publishing again does not revive it', async () => {
    const { id } = await draftWithLink(editor)
    await editor.post(`/articles/${id}/publish`, {})
    const link = (await editor.post(`/articles/${id}/preview-link`, {})).body.data
    expect(await opens(link.token)).toBe(200)
    await editor.post(`/articles/${id}/unpublish`, {})
    expect(await opens(link.token)).toBe(404)
    await editor.post(`/articles/${id}/publish`, {})
    expect(await opens(link.token)).toBe(404)
    expect(await linkOf(editor, id, link.id)).toMatchObject({ revoked_reason: 'unpublished' })
  })

  it('embargo changed: a link to a story scheduled for 05:00 dies when it moves to 06:00, and moving it back does not revive it', async () => {
    const { id } = await draftWithLink(editor)
    expect((await editor.post(`/articles/${id}/schedule`, { at: hour(5) })).status).toBe(200)
    const link = (await editor.post(`/articles/${id}/preview-link`, {})).body.data
    const other = (await editor.post(`/articles/${id}/preview-link`, {})).body.data
    expect(await opens(link.token)).toBe(200)
    const version = (await editor.get(`/articles/${id}`)).body.data.version
    expect((await editor.patch(`/articles/${id}`, { summary: 'Sửa sapo, giữ giờ đăng' }, version)).status).toBe(200)
    expect(await opens(other.token)).toBe(200)
    expect((await editor.post(`/articles/${id}/schedule`, { at: hour(6) })).status).toBe(200)
    expect(await opens(link.token)).toBe(404)
    expect(await opens(other.token)).toBe(404)
    await editor.post(`/articles/${id}/schedule`, { at: hour(5) })
    expect(await opens(link.token)).toBe(404)
    expect(await linkOf(editor, id, link.id)).toMatchObject({ revoked_reason: 'embargo_changed' })
  })
})

describe('links signed before migration 0011', () => {
  it('carried an article id under the old key: they open nothing now', async () => {
    const { id } = await draftWithLink(author)
    const { importHmacKey, signToken } = await import('../../worker/lib/signed-token')
    const { fromBase64Url } = await import('../../worker/lib/base64url')
    await env.DB.prepare("INSERT OR IGNORE INTO app_meta (key, value, updated_at) VALUES ('preview_signing_key', 'b2xkLWtleS1vbGQta2V5LW9sZC1rZXktb2xkLWtleQ', '2026-01-01T00:00:00Z')").run()
    const old = await env.DB.prepare("SELECT value FROM app_meta WHERE key = 'preview_signing_key'").first<{ value: string }>()
    const key = await importHmacKey(fromBase64Url(old!.value)!)
    expect(await opens(await signToken(key, id, new Date(Date.now() + 3_600_000)))).toBe(404)
  })
})
