import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffClient, type StaffClient } from '../helpers/admin-api'

let editor: StaffClient

beforeAll(async () => {
  editor = await staffClient('editor')
})

const count = async (sql: string, id: number | string) => (await env.DB.prepare(sql).bind(id).first<{ n: number }>())!.n

describe('optimistic concurrency', () => {
  it('lets exactly one of 50 parallel saves of the same version land; the other 49 get 412', async () => {
    const created = (await editor.post('/articles', { title: 'Cuộc đua ghi', tags: ['Một'] })).body.data
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => editor.patch(`/articles/${created.id}`, { summary: `Bản sửa số ${i}`, tags: [`Thẻ ${i}`] }, created.version)),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 412)).toHaveLength(49)
    for (const r of results.filter((r) => r.status === 412)) {
      expect(r.body.error.details).toEqual([{ path: 'header.if-match', message: 'current version is 2' }])
    }
    const winner = results.find((r) => r.status === 200)!.body.data
    // One new revision, and the row, its tags and the audit log all agree with the winner.
    expect(await count('SELECT count(*) AS n FROM revisions WHERE article_id = ?', created.id)).toBe(2)
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE action = 'article.updated' AND resource_id = ?", String(created.id))).toBe(1)
    expect(await count('SELECT count(*) AS n FROM article_tags WHERE article_id = ?', created.id)).toBe(1)
    const stored = (await editor.get(`/articles/${created.id}`)).body.data
    expect(stored).toMatchObject({ version: 2, summary: winner.summary, tags: winner.tags })
    const snapshot = await env.DB.prepare('SELECT snapshot FROM revisions WHERE article_id = ? AND version = 2').bind(created.id).first<{ snapshot: string }>()
    expect(JSON.parse(snapshot!.snapshot).summary).toBe(winner.summary)
  })

  it('keeps a workflow action and an edit of the same version from both landing', async () => {
    const created = (await editor.post('/articles', { title: 'Sửa và đăng cùng lúc' })).body.data
    const [edit, publish] = await Promise.all([
      editor.patch(`/articles/${created.id}`, { summary: 'mới' }, 1),
      editor.post(`/articles/${created.id}/publish`, {}, 1),
    ])
    expect([edit.status, publish.status].sort()).toEqual([200, 412])
    expect((await editor.get(`/articles/${created.id}`)).body.data.version).toBe(2)
  })
})
