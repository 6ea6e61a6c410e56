/**
 * The admin UI's pure pieces: site-zone time input, what a save sends, and the two
 * UI languages. (The screens themselves are covered in a browser by tests/e2e.)
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createBody, emptyForm, formOf, parseTags, patchBody } from '../../admin-ui/src/form-model'
import { format } from '../../admin-ui/src/i18n/format'
import { en } from '../../admin-ui/src/i18n/en'
import { vi } from '../../admin-ui/src/i18n/vi'
import { wallTimeToUtc } from '../../admin-ui/src/time'
import type { AdminArticle } from '../../schema/api/admin-articles'
import { toZonedIso } from '../../worker/lib/time'

const minuteInstants = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000).toISOString())

describe('a datetime-local value typed in site time', () => {
  it('names the instant of that wall time in Asia/Ho_Chi_Minh, whatever the zone of the computer', () => {
    expect(wallTimeToUtc('2017-04-18T09:35', 'Asia/Ho_Chi_Minh')).toBe('2017-04-18T02:35:00.000Z')
    expect(wallTimeToUtc('2030-01-01T00:10', 'Asia/Ho_Chi_Minh')).toBe('2029-12-31T17:10:00.000Z')
    fc.assert(
      fc.property(minuteInstants, (t) => {
        expect(wallTimeToUtc(toZonedIso(t, 'Asia/Ho_Chi_Minh').slice(0, 16), 'Asia/Ho_Chi_Minh')).toBe(t)
      }),
    )
  })

  it('settles daylight-saving edges: first of a repeated hour, after a skipped one', () => {
    expect(wallTimeToUtc('2021-10-31T02:30', 'Europe/Paris')).toBe('2021-10-31T00:30:00.000Z')
    expect(wallTimeToUtc('2021-03-28T02:30', 'Europe/Paris')).toBe('2021-03-28T01:30:00.000Z')
    fc.assert(
      fc.property(minuteInstants, fc.constantFrom('Europe/Paris', 'America/New_York', 'Australia/Lord_Howe'), (t, zone) => {
        const wall = toZonedIso(t, zone).slice(0, 16)
        const back = wallTimeToUtc(wall, zone)!
        expect(toZonedIso(back, zone).slice(0, 16)).toBe(wall)
        expect(Date.parse(back)).toBeLessThanOrEqual(Date.parse(t))
      }),
    )
  })

  it('refuses what is not a datetime-local value', () => {
    for (const bad of ['', '2017-04-18', '2017-04-18 09:35', '18/04/2017 09:35', '2017-04-18T09:35:00Z']) {
      expect(wallTimeToUtc(bad, 'Asia/Ho_Chi_Minh')).toBeNull()
    }
  })
})

const article: AdminArticle = {
  id: 7, slug: 'da-nang-mua-lon', url: 'http://x/thoi-su/da-nang-mua-lon', title: 'Đà Nẵng mưa lớn', summary: 'Sapo',
  body_html: '<p>Nội dung</p>', word_count: 2, category_id: 1, category: { id: 1, slug: 'thoi-su', name: 'Thời sự' },
  tags: ['mưa lũ', 'Đà Nẵng'], author_ids: [3], authors: [{ id: 3, slug: 'an', name: 'An' }], source: 'TTXVN', cover: null, cover_media: null,
  seo: { title: null, description: null }, canonical_url: null, featured: false, featured_position: 0, language: 'vi',
  status: 'draft', version: 4, published_at: null, scheduled_at: null, created_at: '2017-04-18T09:35:00+07:00',
  updated_at: '2017-04-18T09:35:00+07:00', created_by: 1, deleted_at: null,
}

describe('what a save sends', () => {
  it('sends nothing when nothing changed, and only the changed fields otherwise', () => {
    const base = formOf(article)
    expect(patchBody(base, { ...base })).toBeNull()
    expect(patchBody(base, { ...base, tags: ' mưa lũ ,Đà Nẵng, ' })).toBeNull()
    expect(patchBody(base, { ...base, title: 'Đà Nẵng mưa rất lớn ' })).toEqual({ title: 'Đà Nẵng mưa rất lớn' })
    expect(patchBody(base, { ...base, seo_title: 'SEO', source: '  ' })).toEqual({ seo: { title: 'SEO', description: null }, source: null })
    expect(patchBody(base, { ...base, category_id: '', author_ids: [] })).toEqual({ category_id: null, author_ids: [] })
    expect(patchBody(base, { ...base, slug: 'da-nang' })).toEqual({ slug: 'da-nang' })
    expect(patchBody(base, { ...base, slug: '' })).toBeNull()
  })

  it('lets the API make a new article’s slug unless the editor typed one', () => {
    const typed = { ...emptyForm(), title: 'Đà Nẵng', slug: 'da-nang' }
    expect(createBody(typed)).not.toHaveProperty('slug')
    expect(createBody({ ...typed, slugEdited: true })).toMatchObject({ title: 'Đà Nẵng', slug: 'da-nang', category_id: null, tags: [] })
  })

  it('reads comma-separated tags without blanks or repeats', () => {
    expect(parseTags('mưa lũ, Đà Nẵng,, mưa lũ ,')).toEqual(['mưa lũ', 'Đà Nẵng'])
    expect(parseTags('  ')).toEqual([])
  })
})

describe('the two UI languages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

  it('say every message in both, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort())
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(en[key].trim(), key).not.toBe('')
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]))
    }
  })

  it('fill placeholders and leave an unknown one visible', () => {
    expect(format(vi['login.locked'], { minutes: 2 })).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 2 phút.')
    expect(format('Phiên bản {version} {x}', { version: 3 })).toBe('Phiên bản 3 {x}')
  })
})
