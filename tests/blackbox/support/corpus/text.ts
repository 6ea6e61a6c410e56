/**
 * Vietnamese newsroom text of a chosen length, from the bench's word pools
 * (bench/corpus.mjs): headlines that run on the way provincial news headlines do,
 * sapos, and HTML bodies of paragraphs, subheads, quotes and lists.
 */
import { articleText, PLACES, type Rng } from '../../../../bench/corpus.mjs'

const CLAUSES = [
  'hàng trăm hộ dân phải sơ tán khẩn cấp trong đêm',
  'chính quyền địa phương huy động lực lượng hỗ trợ người dân khắc phục hậu quả',
  'Sở Nông nghiệp và Phát triển nông thôn đề xuất giải pháp ứng phó dài hạn',
  'người dân mong sớm được hỗ trợ ổn định cuộc sống',
  'lãnh đạo tỉnh yêu cầu báo cáo trước ngày 30/4',
  'doanh nghiệp kiến nghị tháo gỡ vướng mắc về thủ tục đầu tư',
  'nhiều tuyến đường bị chia cắt, giao thông ùn tắc kéo dài',
  'giá nông sản tăng 15% so với cùng kỳ năm trước',
  'Ủy ban nhân dân tỉnh chỉ đạo khẩn trương rà soát',
  'học sinh được nghỉ học để đảm bảo an toàn',
  'ngành y tế khuyến cáo người dân chủ động phòng bệnh sốt xuất huyết',
  'dự kiến hoàn thành trước mùa mưa bão năm 2026',
  'Thủ tướng Chính phủ gửi công điện chỉ đạo ứng phó',
  '“Chúng tôi chưa từng thấy đợt nước lớn như thế này”',
]
const JOINS = [', ', ' – ', '; ', ': ']

/**
 * `text` made exactly `n` characters long: whole words while they fit, then the gap
 * closed with a figure ("2025", "1000") or a question mark, as headlines end.
 */
export function fitTo(text: string, n: number): string {
  let out = ''
  for (const word of text.split(/\s+/)) {
    const next = out ? `${out} ${word}` : word
    if (next.length > n) break
    out = next
  }
  out = out.replace(/[\s,;:–]+$/, '')
  const gap = n - out.length
  if (gap === 1) return `${out}?`
  if (gap > 1) return `${out} ${'2'.padEnd(gap - 1, '0')}`
  return out
}

/** A run-on headline "Place: Event, clause – clause…", exactly `n` characters. */
export function headline(r: Rng, n: number): string {
  const { title } = articleText(r)
  let text = title.replace(/: (\p{Ll})/u, (_, c: string) => `: ${c.toUpperCase()}`)
  while (text.length < n + 40) text += r.pick(JOINS) + r.pick(CLAUSES)
  return fitTo(text, n)
}

/** Sentences of reported news, at least `n` characters. */
export function prose(r: Rng, n: number): string {
  const parts: string[] = []
  let length = 0
  while (length < n) {
    const p = r.pick(articleText(r).paragraphs)
    parts.push(p)
    length += p.length + 1
  }
  return parts.join(' ')
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** One block of an article body. */
function block(r: Rng): string {
  const { paragraphs, title } = articleText(r)
  const p = escapeHtml(r.pick(paragraphs))
  const roll = r.next()
  if (roll < 0.08) return `<h2>${escapeHtml(title)}</h2>`
  if (roll < 0.14) return `<blockquote><p>${p}</p></blockquote>`
  if (roll < 0.2) return `<ul>${paragraphs.slice(0, 3).map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`
  if (roll < 0.25) return `<p>Xem thêm: <a href="https://tin.example.vn/thoi-su/${r.int(1, 99999)}">${escapeHtml(title)}</a></p>`
  if (roll < 0.35) return `<p><strong>${escapeHtml(r.pick(PLACES))} –</strong> ${p}</p>`
  return `<p>${p}</p>`
}

/** An HTML body of exactly `n` characters (n ≥ 20). */
export function bodyHtml(r: Rng, n: number): string {
  const blocks: string[] = []
  let length = 0
  for (;;) {
    const b = block(r)
    if (length + b.length + 1 + 20 > n) break
    blocks.push(b)
    length += b.length + 1
  }
  const rest = n - length - '<p></p>'.length
  blocks.push(`<p>${fitTo(escapeHtml(prose(r, rest + 40)), rest)}</p>`)
  return blocks.join('\n')
}
