/**
 * Generated archive lines for the import runs (black-box test and bench/import.mjs):
 * Vietnamese provincial news of the past ten years, each with its publish time,
 * category, tags, bylines, a view total and two old URLs.
 */
const CATEGORIES = ['Thời sự', 'Kinh tế', 'Xã hội', 'Giáo dục', 'Y tế', 'Thể thao', 'Văn hóa', 'Pháp luật', 'Du lịch', 'Nông nghiệp', 'Giao thông', 'Quốc tế']
const PLACES = ['Đà Nẵng', 'Quảng Nam', 'Huế', 'Hội An', 'Quảng Ngãi', 'Tam Kỳ', 'Sơn Trà', 'Hòa Vang']
const AUTHORS = ['Đặng Thị Hoa', 'Lý Hoàng Nam', 'Trần Văn Đức', 'Nguyễn Thị Ánh', 'Phạm Quốc Bảo']
const TOPICS = ['mưa lớn', 'khởi công cầu mới', 'lễ hội pháo hoa', 'mùa thi', 'dịch sốt xuất huyết', 'giải bóng đá', 'giá lúa', 'tuyến xe buýt']

export interface ArchiveLine {
  external_id: string
  title: string
  [key: string]: unknown
}

/** Article `i` of a generated archive (deterministic: the same `i` gives the same line). */
export function archiveLine(i: number, prefix = 'arc'): ArchiveLine {
  const place = PLACES[i % PLACES.length]!
  const topic = TOPICS[(i * 7) % TOPICS.length]!
  // Every 50 minutes from 2016: 100,000 articles reach mid-2025, never the future.
  const at = new Date(Date.UTC(2016, 0, 1) + i * 3_000_000)
  const id = 100_000 + i
  return {
    external_id: `${prefix}-${id}`,
    title: `${place}: ${topic} (bài số ${i + 1})`,
    summary: `Tin ${topic} tại ${place}, cập nhật lúc ${at.toISOString().slice(11, 16)}.`,
    body_html: `<p>Sáng nay, tại ${place}, ${topic} thu hút sự quan tâm của người dân.</p>`.repeat(6) + `<p>Phóng viên ghi nhận đường phố đông đúc; chính quyền địa phương đã có phương án hỗ trợ.</p>`,
    status: 'published',
    published_at: at.toISOString().replace('Z', '+00:00'),
    category: CATEGORIES[i % CATEGORIES.length],
    tags: [place, topic],
    authors: [AUTHORS[i % AUTHORS.length]],
    source: i % 3 ? 'TTXVN' : null,
    views: (i * 37) % 5000,
    old_urls: [`/?p=${id}`, `/tin-tuc/${id}-bai-${i}.html`],
  }
}

export const archiveLines = (n: number, prefix?: string) => Array.from({ length: n }, (_, i) => archiveLine(i, prefix))
