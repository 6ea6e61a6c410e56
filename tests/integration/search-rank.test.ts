/**
 * The ranking pool: a query matching more articles than the pool ranks the newest
 * matches that pass the filters, so filters never starve it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { compileQuery } from '../../worker/services/search/query'
import { rankArticleIds, type RankRequest } from '../../worker/services/search/rank'
import { createArticle, createCategory, db } from '../helpers/fixtures'

const ids: Record<string, number> = {}
let mienNui: number

beforeAll(async () => {
  mienNui = (await createCategory('Miền núi')).id
  // Created oldest first: ids grow with creation, which is what the pool follows.
  ids.inCategory = (await createArticle({ title: 'Lũ quét ở Lào Cai', categoryId: mienNui })).id
  for (const n of [1, 2, 3, 4]) ids[`plain${n}`] = (await createArticle({ title: `Bản tin ${n}`, paragraphs: [`Nguy cơ lũ quét tại khu vực ${n}.`] })).id
  ids.title = (await createArticle({ title: 'Lũ quét cuốn trôi cầu treo' })).id
  ids.draft = (await createArticle({ title: 'Lũ quét (nháp)', status: 'draft' })).id
})

const rank = (over: Partial<RankRequest>) =>
  rankArticleIds(db(), { query: compileQuery('lu quet '), scope: { kind: 'public' }, limit: 10, offset: 0, ...over })

describe('ranking pool', () => {
  it('ranks every match when the pool is large enough, title matches first', async () => {
    const { ids: got } = await rank({})
    expect(got).toHaveLength(6)
    expect(got.slice(0, 2).sort()).toEqual([ids.inCategory, ids.title].sort())
  })

  it('ranks only the newest visible matches when there are more than the pool', async () => {
    const { ids: got } = await rank({ pool: 3 })
    expect(got.sort()).toEqual([ids.plain3, ids.plain4, ids.title].sort())
  })

  it('applies filters before the pool', async () => {
    expect((await rank({ pool: 3, categoryId: mienNui })).ids).toEqual([ids.inCategory])
    expect((await rank({ pool: 1, scope: { kind: 'admin', trash: false, status: 'draft', reader: { id: null, role: 'admin' } } })).ids).toEqual([ids.draft])
  })
})
