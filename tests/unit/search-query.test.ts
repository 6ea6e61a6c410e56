import { describe, expect, it } from 'vitest'
import { MAX_QUERY_WORDS, compileQuery } from '../../worker/services/search/query'

describe('compileQuery', () => {
  it('folds đ for the folded index, keeps accented words for the exact one, and prefixes the last word', () => {
    const q = compileQuery('Đoàn thanh nien')
    expect(q.folded).toBe('"doàn" "thanh" "nien"*')
    expect(q.exact).toBe('"đoàn"')
  })

  it('does not prefix a last word followed by a space, a closing quote or punctuation', () => {
    expect(compileQuery('lang son ').folded).toBe('"lang" "son"')
    expect(compileQuery('"lang son"').folded).toBe('"lang son"')
    expect(compileQuery('lang son.').folded).toBe('"lang" "son"')
  })

  it('does not prefix a one-letter last word (it would expand to every word)', () => {
    expect(compileQuery('vitamin a').folded).toBe('"vitamin" "a"')
  })

  it('keeps a quoted span as one phrase and ignores a lone quote', () => {
    expect(compileQuery('"Đoàn Thanh niên" ha').folded).toBe('"doàn thanh niên" "ha"*')
    expect(compileQuery('lang "son').folded).toBe('"lang" "son"*')
    expect(compileQuery('"').folded).toBeNull()
  })

  it('keeps a word joined by punctuation as a phrase (COVID-19, TP.HCM)', () => {
    expect(compileQuery('COVID-19 TP.HCM').folded).toBe('"covid 19" "tp hcm"*')
  })

  it('turns FTS5 operators and syntax into literal words', () => {
    const q = compileQuery('NEAR(a b) AND c OR -d* ^e:f NOT')
    expect(q.folded).toBe('"near a" "b" "and" "c" "or" "d" "e f" "not"*')
    expect(compileQuery('()*-^:+{}[]').folded).toBeNull()
    expect(compileQuery('🎉🔥').folded).toBeNull()
  })

  it('searches only the first words of a long input', () => {
    const q = compileQuery(Array.from({ length: 40 }, (_, i) => `tu${i}`).join(' '))
    expect(q.folded!.split(' ')).toHaveLength(MAX_QUERY_WORDS)
  })

  it('reads NFD input (some keyboards) like NFC', () => {
    expect(compileQuery('Lạng Sơn'.normalize('NFD'))).toMatchObject({ folded: '"lạng" "sơn"*', exact: '"lạng" "sơn"*' })
  })

  it('matches article words whole, and the last word as a prefix, for highlighting', () => {
    const q = compileQuery('lang so')
    expect(q.isHit('lang')).toBe(true)
    expect(q.isHit('son')).toBe(true)
    expect(q.isHit('lan')).toBe(false)
    expect(q.isHit('langg')).toBe(false)
  })
})
