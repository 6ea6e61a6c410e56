import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SLUG_PATTERN, toSlug } from '../../worker/lib/slug'
import { viSortKey } from '../../worker/lib/vi-collate'

describe('toSlug', () => {
  it.each([
    ['Đà Nẵng: Đường phố ngập sâu', 'da-nang-duong-pho-ngap-sau'],
    ['Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục', 'da-nang-duong-pho-ngap-sau-sau-tran-mua-lon-ky-luc'],
    ['Thừa Thiên Huế – Đắk Lắk', 'thua-thien-hue-dak-lak'],
    ['ĐOÀN THANH NIÊN', 'doan-thanh-nien'],
    ['Giáo dục, Sức khỏe & Văn hóa', 'giao-duc-suc-khoe-and-van-hoa'],
    ['Bà Rịa - Vũng Tàu', 'ba-ria-vung-tau'],
    ['Nghỉ lễ 30/4 – 1/5', 'nghi-le-30-4-1-5'],
    ['Tăng trưởng 7% trong quý I', 'tang-truong-7-phan-tram-trong-quy-i'],
  ])('%s -> %s', (title, slug) => {
    expect(toSlug(title)).toBe(slug)
  })

  it('folds decomposed (NFD) text exactly like precomposed text', () => {
    const title = 'Đường phố ngập sâu ở Quảng Ngãi'
    expect(toSlug(title.normalize('NFD'))).toBe(toSlug(title))
  })

  it('cuts long titles at a word boundary', () => {
    const slug = toSlug('Hà Nội '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug).toMatch(SLUG_PATTERN)
  })

  it('always yields ASCII lowercase hyphenated words or nothing, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const slug = toSlug(s)
        expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true)
      }),
    )
  })
})

describe('viSortKey', () => {
  const sorted = (words: string[]) => [...words].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : viSortKey(a) > viSortKey(b) ? 1 : 0))

  it('orders by the Vietnamese alphabet: a ă â, d đ, o ô ơ, u ư', () => {
    expect(sorted(['ơ', 'đa', 'ư', 'â', 'ô', 'ă', 'u', 'o', 'da', 'a', 'e', 'ê'])).toEqual(['a', 'ă', 'â', 'da', 'đa', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư'])
  })

  it('orders tones none, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ'])
  })

  it('compares syllable by syllable, as dictionaries do', () => {
    expect(sorted(['ân', 'ấm áp', 'âm vang', 'ấm', 'âm', 'anh', 'an'])).toEqual(['an', 'anh', 'âm', 'âm vang', 'ấm', 'ấm áp', 'ân'])
  })

  it('ignores case and punctuation except as tie-breakers', () => {
    expect(viSortKey('Đà Nẵng').split('\u0001')[0]).toBe(viSortKey('đà nẵng').split('\u0001')[0])
    expect(sorted(['Hà Nội', 'hà nội'])).toEqual(['hà nội', 'Hà Nội'])
    expect(viSortKey('Đà Nẵng: mưa').split('\u0001')[0]).toBe(viSortKey('Đà Nẵng mưa').split('\u0001')[0])
  })

  it('is ASCII so SQLite BINARY collation agrees with it', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => /^[\x00-\x7f]*$/.test(viSortKey(s))))
  })
})
