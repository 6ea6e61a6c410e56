import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sanitizeArticleHtml } from '../../worker/lib/html/sanitize'
import { htmlToText } from '../../worker/lib/html/text'

const SITE = 'https://tin.example.vn'
const policy = { siteUrl: SITE, imageHosts: ['cdn.vn', 'img.example.com:8443'] }
const clean = (html: string) => sanitizeArticleHtml(html, policy)
const fig = (img: string, caption?: string) => `<figure>${img}${caption === undefined ? '' : `<figcaption>${caption}</figcaption>`}</figure>`

describe('images in article bodies (docs/media.md, Articles)', () => {
  it.each([
    ['a library key', '<img src="/media/3f1c9a.jpg" alt="Lũ">', fig('<img src="/media/3f1c9a.jpg" alt="Lũ" />')],
    ['a key in a folder', '<img src="/media/2026/anh.jpg">', fig('<img src="/media/2026/anh.jpg" alt="" />')],
    ['the site’s absolute /media/ URL, stored relative', `<img src="${SITE}/media/3f1c9a.jpg">`, fig('<img src="/media/3f1c9a.jpg" alt="" />')],
    ['an https image on an allowed host', '<img src="https://cdn.vn/a.jpg?w=1&amp;h=2">', fig('<img src="https://cdn.vn/a.jpg?w=1&amp;h=2" alt="" />')],
    ['an allowed host with its port', '<img src="https://img.example.com:8443/a.png">', fig('<img src="https://img.example.com:8443/a.png" alt="" />')],
    ['width and height as whole pixels only', '<img src="/media/a.jpg" width=" 800 " height="60%">', fig('<img src="/media/a.jpg" alt="" width="800" />')],
    ['attributes in one order, srcset/style/on*/loading gone', '<img height="2" onerror="x()" style="a" srcset="/x 2x" loading="eager" src="/media/a.jpg" width="3" alt="A">', fig('<img src="/media/a.jpg" alt="A" width="3" height="2" />')],
  ])('keeps %s', (_name, dirty, expected) => {
    expect(clean(dirty)).toBe(expected)
  })

  it.each([
    ['data: URLs', '<img src="data:image/png;base64,AAAA">'],
    ['plain http on an allowed host', '<img src="http://cdn.vn/a.jpg">'],
    ['protocol-relative URLs', '<img src="//cdn.vn/a.jpg">'],
    ['other hosts', '<img src="https://evil.example/a.jpg">'],
    ['a host allowed only on another port', '<img src="https://img.example.com/a.png">'],
    ['credentials in the URL', '<img src="https://u:p@cdn.vn/a.jpg">'],
    ['other site paths', '<img src="/uploads/a.jpg">'],
    ['dot segments', '<img src="/media/../admin/x">'],
    ['a key with a query', '<img src="/media/a.jpg?x=1">'],
    ['the site’s other paths', `<img src="${SITE}/api/v1/x.jpg">`],
    ['no src at all', '<img alt="x">'],
    ['javascript:', '<img src="javascript:alert(1)">'],
  ])('drops images from %s, leaving no empty figure', (_name, img) => {
    expect(clean(`<p>Trước</p>${img}<p>Sau</p>`)).toBe('<p>Trước</p><p>Sau</p>')
    expect(clean(`<p>Trước</p><figure>${img}</figure><p>Sau</p>`)).toBe('<p>Trước</p><p>Sau</p>')
  })

  it('never glues a refused figure’s caption to the previous paragraph', () => {
    const pasted = '<p>Nước lên nhanh.</p><figure><img src="https://evil.example/a.jpg"><figcaption>Ảnh: Quang Minh</figcaption></figure><p>Chiều nay</p>'
    expect(clean(pasted)).toBe('<p>Nước lên nhanh.</p><p>Ảnh: Quang Minh</p><p>Chiều nay</p>')
    expect(htmlToText(clean(pasted))).toBe('Nước lên nhanh.\nẢnh: Quang Minh\nChiều nay')
  })

  it('lifts a figure out of a paragraph, splitting it, and keeps the caption on its own line', () => {
    const pasted = '<p>Trước <strong>đậm <img src="/media/a.jpg" alt="Ảnh"> sau</strong> cuối</p>'
    expect(clean(pasted)).toBe('<p>Trước <strong>đậm </strong></p>' + fig('<img src="/media/a.jpg" alt="Ảnh" />') + '<p><strong> sau</strong> cuối</p>')
    const inPara = '<p>Đoạn một<figure><img src="/media/a.jpg"><figcaption>Chú thích</figcaption></figure>Đoạn hai</p>'
    expect(clean(inPara)).toBe('<p>Đoạn một</p>' + fig('<img src="/media/a.jpg" alt="" />', 'Chú thích') + 'Đoạn hai<p></p>')
    expect(htmlToText(clean(inPara))).toBe('Đoạn một\nChú thích\nĐoạn hai')
  })

  it('keeps captions inline: blocks become line breaks, links and emphasis stay', () => {
    const dirty = fig('<img src="/media/a.jpg">', '<p>Người dân <a href="https://x.vn">lội nước</a></p><h2><em>Ảnh: TTXVN</em></h2><div> </div>')
    expect(clean(dirty)).toBe(fig('<img src="/media/a.jpg" alt="" />', 'Người dân <a href="https://x.vn">lội nước</a><br /><em>Ảnh: TTXVN</em>'))
  })

  it('gives each image of a figure its own figure, the caption to the last, other content after', () => {
    const dirty = '<figure><figcaption>Hai ảnh</figcaption><img src="/media/a.jpg"><img src="/media/b.jpg"><p>Thêm</p></figure>'
    expect(clean(dirty)).toBe(fig('<img src="/media/a.jpg" alt="" />') + fig('<img src="/media/b.jpg" alt="" />', 'Hai ảnh') + '<p>Thêm</p>')
  })

  it('turns a stray figcaption and an image-less figure into paragraphs; drops empty captions', () => {
    expect(clean('<figcaption>Lạc</figcaption><p>x</p>')).toBe('<p>Lạc</p><p>x</p>')
    expect(clean('<figure><blockquote>Trích dẫn</blockquote><figcaption>Ai đó</figcaption></figure>')).toBe('<blockquote>Trích dẫn</blockquote><p>Ai đó</p>')
    expect(clean(fig('<img src="/media/a.jpg">', ' <br> '))).toBe(fig('<img src="/media/a.jpg" alt="" />'))
  })

  it('lets figures stand in list items, quotes and table cells', () => {
    expect(clean('<ul><li>Một<img src="/media/a.jpg"></li></ul>')).toBe(`<ul><li>Một${fig('<img src="/media/a.jpg" alt="" />')}</li></ul>`)
    expect(clean('<blockquote><img src="/media/a.jpg"></blockquote>')).toBe(`<blockquote>${fig('<img src="/media/a.jpg" alt="" />')}</blockquote>`)
  })

  it('flattens absurd nesting (tags past 100 levels go, their text stays) instead of recursing through it', () => {
    const deep = '<span>'.repeat(5000) + 'chữ<img src="/media/a.jpg">' + '</span>'.repeat(5000)
    const out = clean(deep)
    expect(out).toMatch(/^(<span>){100}chữ(<\/span>){100}$/)
    expect(clean(out)).toBe(out)
    expect(clean(`<p>${'<em>'.repeat(98)}Sâu<img src="/media/a.jpg">${'</em>'.repeat(98)}</p>`)).toContain(fig('<img src="/media/a.jpg" alt="" />'))
  })
})

// ---- properties --------------------------------------------------------------

const word = fc.constantFrom('Đà', 'Nẵng', 'mưa', 'lũ', 'người', 'dân', 'ảnh', 'x', '1', '&', '<', '>', '"', 'ưu')
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))
const escaped = text.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
const src = fc.constantFrom(
  '/media/a.jpg', '/media/2026/b.png', `${SITE}/media/c.webp`, 'https://cdn.vn/d.jpg', 'https://img.example.com:8443/e.gif',
  'http://cdn.vn/x.jpg', 'https://evil.example/x.jpg', 'data:image/png;base64,AA', '/media/../x', '//cdn.vn/x.jpg', 'javascript:x', '/other.jpg', '',
)
const img = fc.record({ src, alt: escaped, extra: fc.constantFrom('', ' width="800" height="600"', ' srcset="/a 2x"', ' style="x"', ' onerror="x()"', ' width="-1"') })
  .map(({ src: s, alt, extra }) => `<img src="${s}" alt="${alt}"${extra}>`)

const fragment: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    escaped,
    img,
    fc.tuple(fc.constantFrom('p', 'strong', 'em', 'a', 'h2', 'li', 'ul', 'div', 'blockquote', 'figure', 'figcaption', 'span', 'td'), fc.array(tie('node'), { maxLength: 3 }))
      .map(([tag, kids]) => `<${tag}>${kids.join('')}</${tag}>`),
  ),
})).node

const ALLOWED_SRC = /^(\/media\/(a\.jpg|2026\/b\.png|c\.webp)|https:\/\/cdn\.vn\/d\.jpg|https:\/\/img\.example\.com:8443\/e\.gif)$/

describe('sanitizer properties', () => {
  it('output sanitizes to itself', () => {
    fc.assert(fc.property(fc.array(fragment, { maxLength: 6 }), (parts) => {
      const once = clean(parts.join(''))
      expect(clean(once)).toBe(once)
    }), { numRuns: 400 })
  })

  it('no image survives outside the allowed forms, always as <figure><img src alt …>', () => {
    fc.assert(fc.property(fc.array(fragment, { maxLength: 6 }), (parts) => {
      const out = clean(parts.join(''))
      for (const [tag, attrs] of [...out.matchAll(/<img\b([^>]*)\/>/g)].map((m) => [m[0], m[1]!] as const)) {
        expect(attrs).toMatch(/^ src="[^"]*" alt="[^"]*"( width="[1-9][0-9]*")?( height="[1-9][0-9]*")? $/)
        expect(attrs.match(/src="([^"]*)"/)![1]).toMatch(ALLOWED_SRC)
        expect(out).toContain(`<figure>${tag}`)
      }
      expect(out).not.toMatch(/srcset|style=|\son[a-z]+=|data:|<figure>(?!<img)|<figcaption>\s*<\/figcaption>/)
    }), { numRuns: 400 })
  })

  it('keeps the text of every caption, whether its image is kept or not', () => {
    fc.assert(fc.property(fc.array(fc.tuple(img, text, fc.boolean())), escaped, (figures, before) => {
      const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      const dirty = `<p>${before}</p>` + figures.map(([i, caption, inPara]) => (inPara ? `<p>${i}<figcaption>${esc(caption)}</figcaption></p>` : fig(i, esc(caption)))).join('')
      const lines = htmlToText(clean(dirty)).split('\n')
      for (const [, caption] of figures) expect(lines).toContain(caption.replace(/\s+/g, ' ').trim())
    }), { numRuns: 300 })
  })
})
