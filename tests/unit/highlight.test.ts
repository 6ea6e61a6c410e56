import { describe, expect, it } from 'vitest'
import { escapeHtml, highlight, snippet } from '../../worker/lib/highlight'

const hits = (...words: string[]) => (w: string) => words.includes(w)
/** What is left of the HTML once the marks we add are taken out: it must hold no tag. */
const withoutMarks = (html: string) => html.replaceAll('<mark>', '').replaceAll('</mark>', '')

describe('highlight and snippet', () => {
  it('escapes the article text and adds only <mark>', () => {
    const html = highlight('Lạng Sơn <script>alert("x")</script> & <img src=x onerror=alert(1)>', hits('lang', 'son', 'script', 'img'))
    expect(html).toBe(
      '<mark>Lạng Sơn</mark> &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; &lt;<mark>img</mark> src=x onerror=alert(1)&gt;',
    )
    expect(withoutMarks(html)).not.toMatch(/[<>]/)
  })

  it('matches accent-insensitively, đ included', () => {
    expect(highlight('Đoàn và đoán', hits('doan'))).toBe('<mark>Đoàn</mark> và <mark>đoán</mark>')
  })

  it('picks the passage with the most hits and marks where it was cut', () => {
    const filler = Array.from({ length: 40 }, () => 'chữ').join(' ')
    const out = snippet(`${filler} mưa lớn ở Lạng Sơn ${filler}`, hits('lang', 'son'), 10)
    expect(out.startsWith('… ')).toBe(true)
    expect(out.endsWith(' …')).toBe(true)
    expect(out).toContain('<mark>Lạng Sơn</mark>')
  })

  it('starts at the beginning when nothing matches', () => {
    expect(snippet('Một hai ba bốn năm', hits('x'), 3)).toBe('Một hai ba …')
  })

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
  })
})
