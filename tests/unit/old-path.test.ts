import { describe, expect, it } from 'vitest'
import { oldPath } from '../../worker/services/archive/old-path'

describe('oldPath: one spelling per old URL', () => {
  it.each([
    ['/?p=123', '/?p=123'],
    ['https://baocu.vn/?p=123&utm_source=fb#top', '/?p=123'],
    ['/?page_id=7&p=abc', '/?page_id=7'],
    ['/2016/09/02/Da-Nang-Ngap/', '/2016/09/02/da-nang-ngap'],
    ['//baocu.vn//2016//09/02/slug', '/2016/09/02/slug'],
    ['/tin-tuc/12345-ten-bai.html?trang=2', '/tin-tuc/12345-ten-bai.html'],
    ['/tin-t%E1%BB%A9c/%C4%90%C3%A0-N%E1%BA%B5ng', '/tin-tức/đà-nẵng'],
    ['/%E0%A4%A', '/%e0%a4%a'],
    ['/', '/'],
    ['https://baocu.vn', '/'],
  ])('%s → %s', (raw, expected) => {
    expect(oldPath(raw)).toBe(expected)
  })

  it('is null for nothing', () => {
    expect(oldPath('   ')).toBeNull()
    expect(oldPath('x'.repeat(2001))).toBeNull()
  })
})
