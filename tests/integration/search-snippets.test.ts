/**
 * Snippets and title highlights are HTML built from the article's plain text:
 * whatever the article says, the only tags in them are the <mark>s search adds.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, getJson } from '../helpers/fixtures'

const hostile = {
  title: 'Cảnh giác mã độc <script>alert("xss")</script> giả mạo ngân hàng',
  summary: 'Kẻ gian chèn <img src=x onerror=alert(1)> vào tin nhắn giả mạo ngân hàng.',
  paragraphs: [
    'Đường link "><svg onload=alert(document.cookie)> được gửi hàng loạt.',
    "Một số trang dùng thuộc tính ' onmouseover='alert(1) và ký tự &lt;b&gt; đã mã hóa để lừa bộ lọc.",
  ],
}

/** The HTML without the marks search adds: it must hold no tag and no raw quote. */
const withoutMarks = (html: string) => html.replaceAll('<mark>', '').replaceAll('</mark>', '')

interface Hit {
  title_highlight: string
  snippet: string
}
let hit: Hit
let later: Hit

const firstHit = async (q: string): Promise<Hit> => {
  const { status, body } = await getJson(`/api/v1/search?q=${encodeURIComponent(q)}`)
  expect(status).toBe(200)
  return body.data[0]
}

beforeAll(async () => {
  await createArticle(hostile)
  hit = await firstHit('giả mạo ngân hàng script img svg')
  later = await firstHit('onmouseover bộ lọc')
})

describe('search snippets', () => {
  it('mark the matched words of the title and escape the rest', () => {
    expect(hit.title_highlight).toBe(
      'Cảnh giác mã độc &lt;<mark>script</mark>&gt;alert(&quot;xss&quot;)&lt;/<mark>script</mark>&gt; <mark>giả mạo ngân hàng</mark>',
    )
  })

  it('contain no tag or attribute from the article, only escaped text', () => {
    for (const html of [hit.title_highlight, hit.snippet, later.title_highlight, later.snippet]) {
      expect(withoutMarks(html)).not.toMatch(/[<>"']/)
    }
    expect(hit.snippet).toContain('&lt;<mark>img</mark> src=x onerror=alert(1)&gt;')
    expect(hit.snippet).toContain('&quot;&gt;&lt;<mark>svg</mark> onload=alert(document.cookie)&gt;')
    expect(later.snippet).toContain('&#39; <mark>onmouseover</mark>=&#39;alert(1)')
    // Text that already looks escaped is escaped again: it shows as typed, never decodes to a tag.
    expect(later.snippet).toContain('&amp;lt;b&amp;gt;')
  })

  it('are built around the matched words, sapo first', () => {
    expect(hit.snippet.startsWith('Kẻ gian chèn')).toBe(true)
    expect(hit.snippet).toContain('<mark>giả mạo ngân hàng</mark>')
  })
})
