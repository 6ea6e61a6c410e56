/**
 * articles.title_pairs (0006_title_pairs.sql): the accent-folded title word pairs
 * related articles compare, stored where titles are written because SQLite cannot
 * fold Vietnamese. Rows without them (written before the column, or retitled by a
 * writer that did not set them) are filled by the cron.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { titlePairsJson, titleWordPairs } from '../../worker/lib/title-pairs'
import { staffClient } from '../helpers/admin-api'
import { createArticle, db, getJson } from '../helpers/fixtures'
import { runCron } from '../helpers/views'

const pairsOf = async (id: number) =>
  (await db().selectFrom('articles').select('title_pairs').where('id', '=', id).executeTakeFirstOrThrow()).title_pairs

describe('title pairs', () => {
  it('folds a Vietnamese title into adjacent word pairs', () => {
    expect(titleWordPairs('Lạng Sơn: Mưa lớn gây ngập úng')).toEqual(['lang son', 'son mua', 'mua lon', 'lon gay', 'gay ngap', 'ngap ung'])
    expect(titleWordPairs('Đà Nẵng')).toEqual(['da nang'])
    expect(titleWordPairs('Huế')).toEqual(['hue'])
    expect(titleWordPairs('!!!')).toEqual([])
  })

  it('are stored when an editor saves a title, and follow a new title', async () => {
    const editor = await staffClient('editor')
    const created = await editor.post('/articles', { title: 'Đà Nẵng: Đường phố ngập sâu' })
    expect(created.status).toBe(201)
    expect(await pairsOf(created.body.data.id)).toBe(titlePairsJson('Đà Nẵng: Đường phố ngập sâu'))
    const edited = await editor.patch(`/articles/${created.body.data.id}`, { title: 'Huế mưa lớn' }, created.body.data.version)
    expect(edited.status).toBe(200)
    expect(await pairsOf(created.body.data.id)).toBe('["hue mua","mua lon"]')
  })

  it('are filled by the cron for rows without them, and recomputed after a title changed behind their back', async () => {
    const old = await createArticle({ title: 'Cần Thơ: giá lúa tăng mạnh', extra: { title_pairs: null } })
    const retitled = await createArticle({ title: 'Hà Giang: sạt lở đất' })
    await env.DB.prepare('UPDATE articles SET title = ? WHERE id = ?').bind('Hà Giang: lũ quét', retitled.id).run()
    expect([await pairsOf(old.id), await pairsOf(retitled.id)]).toEqual([null, null])
    await runCron()
    expect(await pairsOf(old.id)).toBe(titlePairsJson('Cần Thơ: giá lúa tăng mạnh'))
    expect(await pairsOf(retitled.id)).toBe(titlePairsJson('Hà Giang: lũ quét'))
  })

  it('a title without words has none, and its related list ranks by tags and category alone', async () => {
    const source = await createArticle({ title: '!!! ???', tags: ['Bóng đá'] })
    const tagged = await createArticle({ title: 'Đội tuyển thắng đậm', tags: ['Bóng đá'] })
    await createArticle({ title: '!!! ??? cũng không có chữ trùng' })
    expect(await pairsOf(source.id)).toBe('[]')
    const { body } = await getJson(`/api/v1/articles/${source.id}/related`)
    expect(body.data.map((a: { id: number }) => a.id)).toEqual([tagged.id])
  })
})
