/**
 * The index follows every write to articles, whichever code path makes it (here:
 * plain SQL, as the admin API, the cron publisher or an import would), and a
 * dropped index (around `wrangler d1 export`) comes back whole with the rebuild.
 */
import { env } from 'cloudflare:test'
import { beforeEach, describe, expect, it } from 'vitest'
import { dropStatements } from '../../scripts/lib/search-sql.mjs'
import { createArticle, db, getJson } from '../helpers/fixtures'
import { searchAllArticles } from '../../worker/services/search/search'

const publicIds = async (q: string) => {
  const { status, body } = await getJson(`/api/v1/search?q=${encodeURIComponent(q)}`)
  expect(status).toBe(200)
  return (body.data as { id: number }[]).map((a) => a.id)
}
const adminIds = async (q: string, trash = false) =>
  (await searchAllArticles(db(), { q, limit: 20, trash, reader: { id: null, role: 'admin' } })).items.map((a) => a.id)
const update = (id: number, set: Record<string, unknown>) => db().updateTable('articles').set(set).where('id', '=', id).execute()

let id: number

beforeEach(async () => {
  await env.DB.exec('DELETE FROM articles')
  id = (await createArticle({ title: 'Quảng Bình: Lũ quét cuốn trôi cầu treo', paragraphs: ['Người dân xã Tân Hóa bị cô lập.'] })).id
})

describe('search stays in step with articles', () => {
  it('indexes an article inserted with plain SQL', async () => {
    const now = new Date().toISOString()
    await env.DB.prepare(
      `INSERT INTO articles (slug, title, title_sort, summary, body_text, status, published_at, created_at, updated_at)
       VALUES ('phan-thiet', 'Phan Thiết đón tàu du lịch quốc tế', 'x', '', 'Hơn 2.000 du khách', 'published', ?1, ?1, ?1)`,
    ).bind(now).run()
    expect(await publicIds('phan thiet du khach')).toHaveLength(1)
  })

  it('follows an edit of the title, sapo and body: old words go, new words come', async () => {
    await update(id, { title: 'Hà Tĩnh: Sạt lở núi vùi lấp nhà dân', summary: 'Sáng nay', body_text: 'Lực lượng cứu hộ đã có mặt.' })
    expect(await publicIds('lu quet')).toEqual([])
    expect(await publicIds('tan hoa')).toEqual([])
    expect(await publicIds('sat lo')).toEqual([id])
    expect(await publicIds('cuu ho')).toEqual([id])
  })

  it('drops an article from public search the moment it is unpublished, and brings it back on publish', async () => {
    await update(id, { status: 'draft' })
    expect(await publicIds('lu quet')).toEqual([])
    expect(await adminIds('lu quet')).toEqual([id])
    await update(id, { status: 'published', published_at: new Date().toISOString() })
    expect(await publicIds('lu quet')).toEqual([id])
  })

  it('drops a trashed article from public search; editors find it in the trash', async () => {
    await update(id, { deleted_at: new Date().toISOString() })
    expect(await publicIds('lu quet')).toEqual([])
    expect(await adminIds('lu quet')).toEqual([])
    expect(await adminIds('lu quet', true)).toEqual([id])
  })

  it('forgets a deleted article, and indexes a new one with the same words', async () => {
    await env.DB.prepare('DELETE FROM articles WHERE id = ?').bind(id).run()
    expect(await adminIds('lu quet')).toEqual([])
    const again = await createArticle({ title: 'Quảng Bình: Lũ quét cuốn trôi cầu treo' })
    expect(await publicIds('lu quet')).toEqual([again.id])
    const check = await env.DB.prepare(`INSERT INTO search_folded (search_folded, rank) VALUES ('integrity-check', 0)`).run()
    expect(check.success).toBe(true)
  })

  it('rebuilds the index from articles after it was dropped for an export', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0005_'))!
    for (const statement of dropStatements(migration.queries.join('\n'))) await env.DB.exec(statement)
    // Without the index, articles stay writable (the triggers went with it).
    const added = await createArticle({ title: 'Lũ quét ở Hà Giang' })
    for (const statement of migration.queries) await env.DB.prepare(statement).run()
    expect((await publicIds('lu quet')).sort()).toEqual([id, added.id].sort())
    await update(added.id, { status: 'archived' })
    expect(await publicIds('lu quet')).toEqual([id])
  })
})
