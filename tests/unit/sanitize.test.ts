import { describe, expect, it } from 'vitest'
import { sanitizeArticleHtml } from '../../worker/lib/html/sanitize'
import { countWords, htmlToText } from '../../worker/lib/html/text'

const policy = { siteUrl: 'https://tin.example.vn', imageHosts: ['a.vn', 'cdn.vn'] }
const clean = (html: string) => sanitizeArticleHtml(html, policy)

describe('article HTML sanitizer', () => {
  it.each([
    ['script with its content', '<p>Tin</p><script>alert(1)</script>', '<p>Tin</p>'],
    ['style with its content', '<style>p{color:red}</style><p>Tin</p>', '<p>Tin</p>'],
    ['event handlers', '<p onclick="x()" onmouseover="y()">Tin</p>', '<p>Tin</p>'],
    ['onerror on an image', '<img src="https://a.vn/x.jpg" onerror="alert(1)" alt="Ảnh">', '<figure><img src="https://a.vn/x.jpg" alt="Ảnh" /></figure>'],
    ['javascript: links', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['mixed-case and entity-encoded javascript:', '<a href="JaVaScRiPt:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a>', '<a>x</a><a>y</a>'],
    ['data: images (dropped whole)', '<p><img src="data:image/png;base64,AAAA">x</p>', '<p>x</p>'],
    ['data: links', '<a href="data:text/html,<script>1</script>">x</a>', '<a>x</a>'],
    ['iframes from other hosts', '<iframe src="https://evil.example/embed"></iframe><p>x</p>', '<p>x</p>'],
    ['plain-http embeds', '<iframe src="http://www.youtube.com/embed/abc"></iframe>', ''],
    ['style attributes', '<p style="position:fixed">x</p>', '<p>x</p>'],
    ['forms and objects', '<form action="/x"><input name="a"></form><object data="x"></object><p>ok</p>', '<p>ok</p>'],
  ])('removes %s', (_name, dirty, expected) => {
    expect(clean(dirty)).toBe(expected)
  })

  it('keeps allowlisted embeds (YouTube, Facebook video, TikTok)', () => {
    const youtube = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>'
    const facebook = '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx%2Fvideos%2F1" width="560"></iframe>'
    const tiktok = '<iframe src="https://www.tiktok.com/embed/v2/7000000000000000000"></iframe>'
    for (const embed of [youtube, facebook, tiktok]) expect(clean(embed)).toBe(embed)
  })

  it('keeps article structure and Vietnamese text exactly', () => {
    const html =
      '<h2>Đà Nẵng: Đường phố ngập sâu</h2><p>Theo <a href="https://ttxvn.vn/tin">TTXVN</a>, sáng 18/4 mưa lớn ở <em>Hải Châu</em>, Thanh Khê…</p>' +
      '<figure><img src="https://cdn.vn/a.jpg" alt="Người dân lội nước" /><figcaption>Ảnh: Nguyễn Văn Ạ</figcaption></figure>' +
      '<ul><li>Ưu tiên</li><li>Ổn định</li></ul><blockquote>“Chúng tôi đã sẵn sàng”</blockquote>'
    expect(clean(html)).toBe(html)
  })

  it('makes new-tab links safe', () => {
    expect(clean('<a href="https://x.vn" target="_blank">x</a>')).toBe('<a href="https://x.vn" target="_blank" rel="noopener noreferrer">x</a>')
  })
})

describe('plain text and word count', () => {
  it('separates blocks, decodes entities and counts Vietnamese syllables as words', () => {
    const text = htmlToText('<p>Xin&nbsp;chào <b>Việt</b> Nam</p><p>Tôm &amp; cá</p><ul><li>một</li><li>hai</li></ul>')
    expect(text).toBe('Xin chào Việt Nam\nTôm & cá\nmột\nhai')
    expect(countWords(text)).toBe(8)
  })

  it('normalizes decomposed Vietnamese to NFC', () => {
    expect(htmlToText('<p>Đa\u0300 Na\u0306\u0303ng</p>')).toBe('Đà Nẵng')
  })
})
