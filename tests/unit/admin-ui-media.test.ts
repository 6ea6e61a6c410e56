/**
 * The admin UI's pure media pieces: which pasted images are kept (library photos of
 * this site) or dropped and named, the notice the editor reads, the stored form of a
 * body without empty captions, a cover in the article form, and the articles a 409
 * names. (The figure node itself needs a DOM: tests/e2e/media.e2e.test.ts.)
 */
import { describe, expect, it } from 'vitest'
import { ApiFailure } from '../../admin-ui/src/api-error'
import { withoutEmptyCaptions } from '../../admin-ui/src/editor/body-html'
import { createBody, emptyForm, formOf, patchBody } from '../../admin-ui/src/form-model'
import { format } from '../../admin-ui/src/i18n/format'
import { en } from '../../admin-ui/src/i18n/en'
import { vi } from '../../admin-ui/src/i18n/vi'
import type { Translate } from '../../admin-ui/src/i18n/format'
import { usedByOf } from '../../admin-ui/src/media-in-use'
import { libraryKey } from '../../admin-ui/src/media-url'
import { describeImage, droppedNotice, sortPastedImages } from '../../admin-ui/src/paste-images'
import type { AdminArticle } from '../../schema/api/admin-articles'

const SITE = ['http://127.0.0.1:8787', 'https://tin.example']
const KEY = '3f1c0a9b8e7d6c5b4a3f2e1d0c9b8a7f.jpg'
const tIn = (catalog: Record<string, string>): Translate => (key, params) => format(catalog[key]!, params)

describe('a library photo’s address', () => {
  it('is /media/{key} here or on an origin of this site, or a resized copy of one', () => {
    expect(libraryKey(`/media/${KEY}`, SITE)).toBe(KEY)
    expect(libraryKey(`https://tin.example/media/${KEY}`, SITE)).toBe(KEY)
    expect(libraryKey(`http://127.0.0.1:8787/media/${KEY}`, SITE)).toBe(KEY)
    expect(libraryKey(`https://tin.example/cdn-cgi/image/width=800,fit=scale-down,format=auto/media/${KEY}`, SITE)).toBe(KEY)
  })

  it('is nothing else: another host, another path, a key that is no content hash, another scheme', () => {
    for (const src of [
      `https://vnexpress.net/media/${KEY}`,
      `http://tin.example/media/${KEY}`,
      `/uploads/${KEY}`,
      `media/${KEY}`,
      `/media/anh-mua-lu.jpg`,
      `/media/${KEY.replace('.jpg', '.svg')}`,
      `/media/../admin/${KEY}`,
      `//tin.example/media/${KEY}`,
      `data:image/png;base64,iVBORw0KGgo=`,
      '',
    ]) {
      expect(libraryKey(src, SITE), src).toBeNull()
    }
  })
})

describe('pasted HTML with images', () => {
  it('keeps a library photo inside its figure with its caption, stored relative', () => {
    const html = `<p>Trước</p><figure><img src="https://tin.example/media/${KEY}" alt="Mưa lũ" loading="lazy" width="1600" height="1067"><figcaption>Đường Lê Duẩn <em>ngập</em></figcaption></figure>`
    const { html: out, dropped } = sortPastedImages(html, SITE)
    expect(dropped).toEqual([])
    expect(out).toBe(`<p>Trước</p><figure><img src="/media/${KEY}" alt="Mưa lũ" loading="lazy" width="1600" height="1067"><figcaption>Đường Lê Duẩn <em>ngập</em></figcaption></figure>`)
  })

  it('wraps a bare library photo in a figure', () => {
    expect(sortPastedImages(`<p>Ảnh: <img alt='x' src='/media/${KEY}'></p>`, SITE).html).toBe(`<p>Ảnh: <figure><img alt='x' src="/media/${KEY}"></figure></p>`)
  })

  it('drops every other image and names it by file and host, in order; the text around stays', () => {
    const html = [
      '<p>Một<img src="https://i1-vnexpress.vnecdn.net/2017/04/18/mua-lu.jpg?w=680&amp;h=0" alt="a"></p>',
      '<figure><img src="file:///C:/Users/pv/Anh%20chup.png"><figcaption>Chú thích giữ lại</figcaption></figure>',
      '<img src="data:image/png;base64,iVBORw0KGgo=">',
      `<img data-title="a > b" src="/anh/khac.webp">`,
      '<img alt="không có src">',
    ].join('')
    const { html: out, dropped } = sortPastedImages(html, SITE)
    expect(dropped).toEqual(['mua-lu.jpg (i1-vnexpress.vnecdn.net)', 'Anh chup.png (file)', 'data:image/png', 'khac.webp', '(no src)'])
    expect(out).toBe('<p>Một</p><figure><figcaption>Chú thích giữ lại</figcaption></figure>')
  })

  it('leaves HTML without images as it is', () => {
    const html = '<p>Đà Nẵng <strong>mưa</strong> lớn</p><p data-x="<img src=x>">z</p><!-- <img src="y.jpg"> -->'
    expect(sortPastedImages('<p>Đà Nẵng <strong>mưa</strong> lớn</p>', SITE)).toEqual({ html: '<p>Đà Nẵng <strong>mưa</strong> lớn</p>', dropped: [] })
    expect(sortPastedImages(html, SITE).html).toBe(html)
  })

  it('names an image by its host alone when its path has no file name', () => {
    expect(describeImage('https://example.com/')).toBe('example.com (example.com)')
  })
})

describe('the notice about dropped images', () => {
  it('says how many and which, in Vietnamese and English, the first five by name', () => {
    expect(droppedNotice(tIn(vi), ['mua-lu.jpg (vnexpress.net)'])).toBe(
      'Đã bỏ 1 ảnh không có trong thư viện: mua-lu.jpg (vnexpress.net). Hãy tải ảnh lên thư viện rồi chèn lại.',
    )
    const seven = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg', 'f.jpg', 'g.jpg']
    expect(droppedNotice(tIn(en), seven)).toBe(
      'Left out 7 image(s) not in the media library: a.jpg, b.jpg, c.jpg, d.jpg, e.jpg and 2 more. Upload them to the library, then insert them.',
    )
  })
})

describe('the body as stored', () => {
  it('leaves out a caption nobody typed and keeps a typed one', () => {
    const img = `<img src="/media/${KEY}" alt="Mưa lũ" width="1600" height="1067">`
    expect(withoutEmptyCaptions(`<figure>${img}<figcaption></figcaption></figure>`)).toBe(`<figure>${img}</figure>`)
    expect(withoutEmptyCaptions(`<figure>${img}<figcaption>Ảnh: TTXVN</figcaption></figure>`)).toBe(`<figure>${img}<figcaption>Ảnh: TTXVN</figcaption></figure>`)
  })
})

describe('the cover in the article form', () => {
  const fields = { title: 'Đà Nẵng', slug: 'da-nang', summary: '', body_html: '', source: null, featured: false }
  const article = { ...fields, cover: null, cover_media: null, seo: { title: null, description: null }, tags: [], author_ids: [], category_id: null } as unknown as AdminArticle
  const item = { id: 3, key: KEY, url: `https://tin.example/media/${KEY}`, width: 1600, height: 1067, alt: 'Mặc định', caption: '', credit: 'Ảnh: TTXVN', srcset: null }

  it('sends the photo and this article’s own texts, empty ones as null (the photo’s defaults)', () => {
    const form = { ...emptyForm(), title: 'Đà Nẵng', cover: { media_id: 12, alt: ' ', caption: 'Chú thích riêng', credit: '', media: null } }
    expect(createBody(form).cover).toEqual({ media_id: 12, alt: null, caption: 'Chú thích riêng', credit: null })
    const base = formOf(article)
    expect(patchBody(base, { ...base, cover: form.cover })).toEqual({ cover: { media_id: 12, alt: null, caption: 'Chú thích riêng', credit: null } })
  })

  it('reads a cover with or without its library item, and never sends the item back', () => {
    const cover = { media_id: 3, alt: null, caption: 'C', credit: null }
    const bare = formOf({ ...article, cover, cover_media: undefined } as unknown as AdminArticle)
    expect(bare.cover).toEqual({ media_id: 3, alt: '', caption: 'C', credit: '', media: null })
    const resolved = formOf({ ...article, cover, cover_media: item } as AdminArticle)
    expect(resolved.cover?.media).toEqual({ key: KEY, width: 1600, height: 1067, alt: 'Mặc định', caption: '', credit: 'Ảnh: TTXVN' })
    expect(patchBody(bare, resolved)).toBeNull()
    expect(patchBody(resolved, { ...resolved, cover: null })).toEqual({ cover: null })
  })
})

describe('a delete refused because articles use the photo', () => {
  it('lists the articles the 409 names', () => {
    const refusal = new ApiFailure(409, 'media_in_use', 'in use', [
      { path: 'articles', message: '7: Đà Nẵng (mưa) ngập sâu (cover)' },
      { path: 'articles', message: '9: Hội An (inline)' },
      { path: 'other', message: 'x' },
    ])
    expect(usedByOf(refusal)).toEqual([
      { id: 7, title: 'Đà Nẵng (mưa) ngập sâu', status: '', role: 'cover' },
      { id: 9, title: 'Hội An', status: '', role: 'inline' },
    ])
  })
})
