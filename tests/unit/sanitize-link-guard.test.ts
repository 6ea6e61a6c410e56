/**
 * Issue 13's sanitizer cases: schemes hidden behind control or separator
 * characters, iframe permissions, rel on every targeted link.
 */
import { describe, expect, it } from 'vitest'
import { sanitizeArticleHtml } from '../../worker/lib/html/sanitize'

const clean = (html: string) => sanitizeArticleHtml(html, { siteUrl: 'https://tin.example.vn', imageHosts: ['a.vn'] })
const href = (h: string) => clean(`<a href="${h}">x</a>`)

describe('hrefs hiding a scheme', () => {
  it.each([
    ['line separator', '\u2028javascript:alert(1)'],
    ['paragraph separator', '\u2029javascript:alert(1)'],
    ['NUL', '\u0000javascript:alert(1)'],
    ['C0 control', '\u0001javascript:alert(1)'],
    ['leading tab', '\tjavascript:alert(1)'],
    ['leading newline', '\njavascript:alert(1)'],
    ['tab inside the scheme', 'java\tscript:alert(1)'],
    ['newline inside the scheme', 'java\nscript:alert(1)'],
    ['carriage return inside the scheme', 'java\rscript:alert(1)'],
    ['no-break space', '\u00a0javascript:alert(1)'],
    ['ideographic space', '\u3000javascript:alert(1)'],
    ['zero-width space', '\u200bjavascript:alert(1)'],
    ['BOM', '\ufeffjavascript:alert(1)'],
    ['entity-encoded line separator', '&#x2028;javascript:alert(1)'],
    ['entity-encoded tab in the scheme', 'java&#x09;script:alert(1)'],
  ])('%s: href dropped', (_, h) => {
    expect(href(h)).toBe('<a>x</a>')
  })

  it('keeps ordinary links, relative ones and Vietnamese paths', () => {
    expect(href('https://tin.example.vn/thoi-su/da-nang')).toBe('<a href="https://tin.example.vn/thoi-su/da-nang">x</a>')
    expect(href('/thoi-su')).toBe('<a href="/thoi-su">x</a>')
    expect(href('https://vi.wikipedia.org/wiki/Đà_Nẵng')).toBe('<a href="https://vi.wikipedia.org/wiki/Đà_Nẵng">x</a>')
  })

  it('drops an iframe or image src hiding characters (the element goes whole)', () => {
    expect(clean('<iframe src="\u2028https://www.youtube.com/embed/x"></iframe><p>a</p>')).toBe('<p>a</p>')
    expect(clean('<p>a<img src="https://a.vn/x\u0000.jpg"></p>')).toBe('<p>a</p>')
  })
})

describe('iframe allow', () => {
  it('keeps only player features', () => {
    const out = clean('<iframe src="https://www.youtube.com/embed/x" allow="camera; microphone \'self\'; geolocation *; autoplay; encrypted-media https://evil.example; payment; usb; fullscreen"></iframe>')
    expect(out).toBe('<iframe src="https://www.youtube.com/embed/x" allow="autoplay; encrypted-media; fullscreen"></iframe>')
  })

  it('drops an allow with nothing permitted', () => {
    expect(clean('<iframe src="https://www.youtube.com/embed/x" allow="camera; microphone; geolocation"></iframe>')).toBe('<iframe src="https://www.youtube.com/embed/x"></iframe>')
  })
})

describe('rel on targeted links', () => {
  it.each(['_blank', '_top', '_parent', '_self', 'tin-moi'])('target="%s" gets noopener noreferrer', (target) => {
    expect(clean(`<a href="https://a.vn" target="${target}">x</a>`)).toBe(`<a href="https://a.vn" target="${target}" rel="noopener noreferrer">x</a>`)
  })

  it('an empty target (dropped as empty) still leaves rel behind', () => {
    expect(clean('<a href="https://a.vn" target="">x</a>')).toBe('<a href="https://a.vn" rel="noopener noreferrer">x</a>')
  })

  it('keeps the rel tokens a link had and adds the two', () => {
    expect(clean('<a href="https://a.vn" target="_blank" rel="nofollow opener">x</a>')).toBe('<a href="https://a.vn" target="_blank" rel="nofollow opener noopener noreferrer">x</a>')
  })

  it('leaves an untargeted link alone', () => {
    expect(clean('<a href="https://a.vn" rel="nofollow">x</a>')).toBe('<a href="https://a.vn" rel="nofollow">x</a>')
  })
})
