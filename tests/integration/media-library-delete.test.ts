/**
 * Deleting library items: unused ones go (row and R2 object), used ones are a 409
 * naming the articles, and an admin's forced delete leaves every article valid.
 */
import { env, SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'
import { createArticle, db } from '../helpers/fixtures'
import { FORCE_DELETE_MAX_ARTICLES } from '../../worker/services/media/remove'
import { uploadNewImage } from '../helpers/media-library'

let admin: StaffClient
let editor: StaffClient

beforeAll(async () => {
  ;[admin, editor] = [await staffClient('admin'), await staffClient('editor')]
})

const upload = async () => {
  const r = await uploadNewImage(editor, 'jpeg', { width: 640, height: 360 })
  expect(r.status).toBe(201)
  return r.body.data as { id: number; key: string; version: number }
}

/** An article whose cover is `mediaId` and whose body has the item inline, with the usage rows an article save records. */
async function articleUsing(media: { id: number; key: string }, title: string) {
  const figure = `<figure><img src="/media/${media.key}" alt="Ảnh" width="640" height="360"><figcaption>Nước ngập</figcaption></figure>`
  const res = await editor.post('/articles', { title, body_html: `<p>Mưa lớn kéo dài.</p>${figure}<p>Người dân sơ tán.</p>`, cover: { media_id: media.id, caption: 'Bìa' } })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  // The article side records inline uses on save; insert them here too so this file does not depend on it.
  await db().insertInto('article_media').values([{ article_id: res.body.data.id, media_id: media.id, role: 'inline' }]).onConflict((oc) => oc.doNothing()).execute()
  return res.body.data as { id: number; version: number }
}

describe('DELETE /api/admin/media/{id}', () => {
  it('deletes an unused item: row, search entry and R2 object', async () => {
    const item = await upload()
    expect((await editor.del(`/media/${item.id}`)).status).toBe(428)
    expect((await editor.del(`/media/${item.id}`, undefined, 9)).status).toBe(412)
    expect(await env.MEDIA.head(item.key)).not.toBeNull()
    expect((await editor.del(`/media/${item.id}`, undefined, 1)).status).toBe(204)
    expect((await editor.get(`/media/${item.id}`)).status).toBe(404)
    expect(await env.MEDIA.head(item.key)).toBeNull()
    expect((await SELF.fetch(`http://127.0.0.1:8787/media/${item.key}`)).status).toBe(404)
  })

  it('refuses a used item with 409 media_in_use naming the articles, and lists them in used_by', async () => {
    const item = await upload()
    const article = await articleUsing(item, 'Đà Nẵng: Đường phố ngập sâu')
    const one = await editor.get(`/media/${item.id}`)
    expect(one.body.data.used_by).toEqual([
      { id: article.id, title: 'Đà Nẵng: Đường phố ngập sâu', status: 'draft', role: 'cover' },
      { id: article.id, title: 'Đà Nẵng: Đường phố ngập sâu', status: 'draft', role: 'inline' },
    ])
    const res = await editor.del(`/media/${item.id}`, undefined, 1)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('media_in_use')
    expect(res.body.error.details).toContainEqual({ path: 'articles', message: `${article.id}: Đà Nẵng: Đường phố ngập sâu (cover)` })
    expect(res.body.error.used_by).toHaveLength(2)
    expect((await editor.del(`/media/${item.id}?force=true`, undefined, 1)).status).toBe(403)
    expect(await env.MEDIA.head(item.key)).not.toBeNull()
    expect((await editor.get(`/media/${item.id}`)).status).toBe(200)
  })

  it('force (admin): removes cover and figures from each article, new version and revision, one batch, object gone', async () => {
    const item = await upload()
    const other = await upload()
    const a = await articleUsing(item, 'Mưa lũ miền Trung')
    const b = await articleUsing(item, 'Huế ngập nặng')
    await editor.patch(`/articles/${b.id}`, { cover: { media_id: other.id } }, b.version)
    const res = await admin.del(`/media/${item.id}?force=true`, undefined, 1)
    expect(res.status, JSON.stringify(res.body)).toBe(204)
    expect(await env.MEDIA.head(item.key)).toBeNull()
    expect(await env.MEDIA.head(other.key)).not.toBeNull()
    const left = await db().selectFrom('article_media').selectAll().where('media_id', '=', item.id).execute()
    expect(left).toEqual([])
    for (const [article, cover] of [[a, null], [b, other.id]] as const) {
      const after = await editor.get(`/articles/${article.id}`)
      expect(after.status).toBe(200)
      expect(after.body.data.cover?.id ?? after.body.data.cover?.media_id ?? null).toBe(cover)
      expect(after.body.data.body_html).not.toContain(item.key)
      expect(after.body.data.body_html).toContain('Người dân sơ tán.')
      const revisions = await editor.get(`/articles/${article.id}/revisions`)
      expect(revisions.body.data[0].version).toBe(after.body.data.version)
      const row = await db().selectFrom('articles').select(['body_text', 'word_count', 'version']).where('id', '=', article.id).executeTakeFirstOrThrow()
      expect(row.body_text).not.toContain('Nước ngập')
      expect(row.word_count).toBe(8)
    }
    expect((await editor.patch(`/articles/${a.id}`, { summary: 'Tiếp tục.' }, (await editor.get(`/articles/${a.id}`)).body.data.version)).status).toBe(200)
    const audit = await db().selectFrom('audit_log').select(['action', 'resource_id']).where('action', 'in', ['media.deleted', 'article.media_removed']).execute()
    expect(audit.filter((r) => r.action === 'article.media_removed').map((r) => Number(r.resource_id)).sort()).toEqual([a.id, b.id].sort())
    expect(audit).toContainEqual({ action: 'media.deleted', resource_id: String(item.id) })
  })

  it('a forced delete by a non-admin is 403 even for an unused item; the next request succeeds', async () => {
    const item = await upload()
    expect((await editor.del(`/media/${item.id}?force=true`, undefined, 1)).status).toBe(403)
    expect((await editor.del(`/media/${item.id}?force=maybe`, undefined, 1)).status).toBe(400)
    expect((await admin.del(`/media/${item.id}?force=true`, undefined, 1)).status).toBe(204)
  })

  it(`a forced delete edits at most ${FORCE_DELETE_MAX_ARTICLES} articles: beyond, a 409 and nothing changed`, async () => {
    const item = await upload()
    const ids: number[] = []
    for (let i = 0; i <= FORCE_DELETE_MAX_ARTICLES; i++) ids.push((await createArticle({ title: `Bài dùng ảnh số ${i}`, status: 'draft' })).id)
    for (let i = 0; i < ids.length; i += 30) {
      await db().insertInto('article_media').values(ids.slice(i, i + 30).map((id) => ({ article_id: id, media_id: item.id, role: 'inline' as const }))).execute()
    }
    const versions = async () => db().selectFrom('articles').select(['id', 'version']).where('id', 'in', ids).execute()
    const before = await versions()
    const res = await admin.del(`/media/${item.id}?force=true`, undefined, 1)
    expect(res.status).toBe(409)
    expect(res.body.error.message).toContain(`more than ${FORCE_DELETE_MAX_ARTICLES} articles`)
    expect(await versions()).toEqual(before)
    expect(await env.MEDIA.head(item.key)).not.toBeNull()
    await db().deleteFrom('article_media').where('article_id', '=', ids[0]!).execute()
    expect((await admin.del(`/media/${item.id}?force=true`, undefined, 1)).status).toBe(204)
    expect((await versions()).filter((v) => v.version === 2)).toHaveLength(FORCE_DELETE_MAX_ARTICLES)
  })
})
