/**
 * Relevance: 36 reader queries over the 55-article corpus, each with the article
 * that must come first (or the set that must fill the first places). Prints
 * recall@1 and recall@5 and requires both to be 100%.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getJson } from '../helpers/fixtures'
import { seedCorpus } from '../helpers/search-corpus'

interface Case {
  kind: string
  q: string
  /** The first result; a list: the first results are these, in any order. */
  top: string | string[]
}

const CASES: Case[] = [
  { kind: 'unaccented', q: 'lang son', top: 'lang-son-mua-da' },
  { kind: 'unaccented', q: 'doan thanh nien', top: 'doan-thanh-nien' },
  { kind: 'unaccented', q: 'thua thien hue', top: 'thua-thien-hue-mua-lu' },
  { kind: 'unaccented', q: 'dong bang song cuu long', top: 'dong-bang-song-cuu-long' },
  { kind: 'unaccented', q: 'sot xuat huyet', top: 'sot-xuat-huyet' },
  { kind: 'unaccented', q: 'chan doan ung thu', top: 'chan-doan-ung-thu' },
  { kind: 'unaccented', q: 'tuyen sinh dai hoc', top: 'tuyen-sinh' },
  { kind: 'unaccented', q: 'lua dao qua mang', top: 'lua-dao-qua-mang' },
  { kind: 'unaccented', q: 'xuat khau gao', top: 'xuat-khau-gao' },
  { kind: 'unaccented', q: 'dak lak', top: 'dak-lak-han-han' },
  { kind: 'unaccented', q: 'bao chi', top: 'bao-chi' },
  { kind: 'mixed case', q: 'LẠNG SƠN mưa đá', top: 'lang-son-mua-da' },
  { kind: 'mixed case', q: 'hà NỘI metro', top: 'metro-ha-noi' },
  { kind: 'mixed case', q: 'METRO', top: ['metro-ha-noi', 'metro-ben-thanh'] },
  { kind: 'mixed case', q: 'ĐÀ NẴNG', top: 'da-nang-phao-hoa' },
  { kind: 'mixed case', q: 'TP.HCM triều cường', top: 'tphcm-trieu-cuong' },
  { kind: 'đ/d', q: 'đien mat troi', top: 'dien-mat-troi' },
  { kind: 'đ/d', q: 'Duong sat toc do cao', top: 'duong-sat-toc-do-cao' },
  { kind: 'đ/d', q: 'đồng bằng song cuu long', top: 'dong-bang-song-cuu-long' },
  { kind: 'phrase', q: '"cao tốc Bắc Nam"', top: 'cao-toc-bac-nam' },
  { kind: 'phrase', q: '"giá vàng"', top: 'gia-vang' },
  { kind: 'phrase', q: '"vinh ha long"', top: 'vinh-ha-long' },
  { kind: 'phrase', q: '"an toàn giao thông"', top: 'an-toan-giao-thong' },
  { kind: 'phrase', q: 'VN-Index', top: 'vn-index' },
  { kind: 'prefix', q: 'thua thien hu', top: 'thua-thien-hue-mua-lu' },
  { kind: 'prefix', q: 'phu quo', top: 'phu-quoc' },
  { kind: 'prefix', q: 'sea gam', top: 'sea-games' },
  { kind: 'prefix', q: 'duong sat toc do ca', top: 'duong-sat-toc-do-cao' },
  { kind: 'accent-exact', q: 'Đoàn', top: 'doan-thanh-nien' },
  { kind: 'accent-exact', q: 'đoán', top: 'du-doan-thoi-tiet' },
  { kind: 'accent-exact', q: 'huề', top: 'co-vua-cam-hue' },
  { kind: 'accent-exact', q: 'Huế', top: ['thua-thien-hue-mua-lu', 'festival-hue'] },
  { kind: 'accent-exact', q: 'múa', top: 'mua-roi-nuoc' },
  { kind: 'accent-exact', q: 'bão', top: 'bao-so-3' },
  { kind: 'accent-exact', q: 'bánh chưng', top: 'banh-chung' },
  { kind: 'accent-exact', q: 'cá tra', top: 'ca-tra' },
]

let ids: Map<string, number>
const keyOf = new Map<number, string>()
const results: { c: Case; got: string[] }[] = []

beforeAll(async () => {
  ids = await seedCorpus()
  for (const [k, id] of ids) keyOf.set(id, k)
})

describe('search relevance over the Vietnamese corpus', () => {
  it.each(CASES)('$kind: $q', async (c) => {
    const { status, body } = await getJson(`/api/v1/search?q=${encodeURIComponent(c.q)}&limit=5`)
    expect(status).toBe(200)
    const got = (body.data as { id: number }[]).map((a) => keyOf.get(a.id) ?? `#${a.id}`)
    results.push({ c, got })
    const want = [c.top].flat()
    expect(got.slice(0, want.length).sort()).toEqual([...want].sort())
  })

  it('has recall@1 and recall@5 of 100% over the queries', () => {
    expect(results.length).toBe(CASES.length)
    const top1 = results.filter((r) => [r.c.top].flat().includes(r.got[0]!)).length / results.length
    const recall5 =
      results.reduce((sum, r) => {
        const relevant = [r.c.top].flat()
        return sum + relevant.filter((k) => r.got.includes(k)).length / relevant.length
      }, 0) / results.length
    summary = `search recall over ${results.length} queries: recall@1 ${(top1 * 100).toFixed(1)}%, recall@5 ${(recall5 * 100).toFixed(1)}%`
    expect(top1).toBe(1)
    expect(recall5).toBe(1)
  })
})

let summary = ''
afterAll(() => {
  const misses = results.filter((r) => ![r.c.top].flat().includes(r.got[0]!)).map((r) => `  ${r.c.q} -> ${r.got.join(', ')} (want ${r.c.top})`)
  console.info([summary, ...misses].join('\n'))
})
