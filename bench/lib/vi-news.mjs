/**
 * Deterministic generator of Vietnamese news articles for benchmarks: provincial
 * news titles, a sapo and seven to eleven body sentences (about 200 words), a
 * category and two to four tags. Common words ("người dân", "Việt Nam") recur as in
 * real news, so frequent-term queries cost what they cost in production.
 */
const PLACES = ['Hà Nội', 'TP.HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Lạng Sơn', 'Thừa Thiên Huế', 'Quảng Ninh', 'Nghệ An', 'Thanh Hóa', 'Đắk Lắk', 'Gia Lai', 'Lâm Đồng', 'Khánh Hòa', 'Bình Định', 'Quảng Nam', 'Quảng Ngãi', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Bắc Ninh', 'Bắc Giang', 'Thái Nguyên', 'Cao Bằng', 'Hà Giang', 'Lào Cai', 'Yên Bái', 'Sơn La', 'Điện Biên', 'Lai Châu', 'Hòa Bình', 'Phú Thọ', 'Vĩnh Phúc', 'Hưng Yên', 'Hải Dương', 'Thái Bình', 'Nam Định', 'Ninh Bình', 'Kiên Giang', 'An Giang', 'Đồng Tháp', 'Cà Mau', 'Bạc Liêu', 'Sóc Trăng', 'Trà Vinh', 'Bến Tre', 'Vĩnh Long', 'Tiền Giang', 'Long An', 'Tây Ninh', 'Bình Dương', 'Đồng Nai', 'Bình Thuận', 'Ninh Thuận', 'Phú Yên', 'Kon Tum', 'Tuyên Quang', 'Bắc Kạn', 'Hậu Giang', 'Phú Quốc']

const TOPICS = {
  'Thời sự': ['mưa lớn gây ngập úng nhiều tuyến phố', 'sạt lở đất chia cắt nhiều thôn bản', 'khởi công tuyến cao tốc Bắc - Nam', 'bão số 3 đổ bộ, hàng nghìn nhà tốc mái', 'triều cường dâng cao, người dân kê đồ chạy lũ', 'thông xe cầu vượt sông sau hai năm thi công', 'Đoàn Thanh niên ra quân chiến dịch tình nguyện', 'xử phạt hàng trăm trường hợp vi phạm nồng độ cồn'],
  'Kinh tế': ['giá vàng tăng mạnh, người dân xếp hàng mua', 'xuất khẩu gạo đạt kỷ lục trong quý', 'giá cà phê lập đỉnh mới', 'thị trường bất động sản bắt đầu phục hồi', 'giá xăng dầu giảm lần thứ ba liên tiếp', 'doanh nghiệp điện mặt trời kiến nghị cơ chế mới', 'xuất khẩu cá tra sang Mỹ tăng trở lại', 'ngân hàng đồng loạt giảm lãi suất cho vay'],
  'Xã hội': ['xâm nhập mặn sớm, nông dân chủ động trữ nước', 'hạn hán khiến hàng nghìn ha cây trồng thiếu nước', 'trồng mới rừng ngập mặn ven biển', 'hỗ trợ người nghèo đón Tết', 'cô giáo vùng cao cõng chữ lên bản', 'cháy chung cư mini, nhiều người mắc kẹt'],
  'Thể thao': ['U23 Việt Nam thắng đậm, rộng cửa vào tứ kết', 'câu lạc bộ bóng đá thua sốc trên sân nhà', 'vận động viên giành huy chương vàng SEA Games', 'giải chạy marathon thu hút hàng nghìn người', 'kỳ thủ cờ vua cầm huề đối thủ mạnh'],
  'Văn hóa': ['lễ hội truyền thống thu hút du khách', 'múa rối nước biểu diễn phục vụ khách dịp Tết', 'phục dựng lễ tế Nam Giao triều Nguyễn', 'làng nghề gói bánh chưng tất bật vào vụ', 'festival áo dài khai mạc'],
  'Giáo dục': ['hơn 20.000 thí sinh bước vào kỳ thi tốt nghiệp THPT', 'học sinh giành huy chương vàng Olympic Toán', 'tuyển sinh đại học bỏ xét tuyển sớm bằng học bạ', 'thiếu giáo viên ở vùng sâu vùng xa'],
  'Sức khỏe': ['số ca mắc sốt xuất huyết tăng gấp đôi', 'bệnh viện ứng dụng trí tuệ nhân tạo chẩn đoán ung thư', 'triển khai tiêm vắc xin sởi cho trẻ em', 'bệnh viện thiếu thuốc và vật tư y tế'],
  'Pháp luật': ['khởi tố nhóm lừa đảo qua mạng giả danh công an', 'triệt phá đường dây buôn lậu qua biên giới', 'bắt giữ đối tượng trộm cắp tài sản', 'xét xử vụ án tham ô tại doanh nghiệp nhà nước'],
  'Du lịch': ['đón hơn một triệu lượt khách trong quý', 'mở thêm đường bay thẳng quốc tế', 'lễ hội pháo hoa quốc tế khai mạc', 'vịnh và đảo hút khách dịp nghỉ lễ'],
  'Công nghệ': ['phủ sóng 5G toàn tỉnh', 'ra mắt mô hình ngôn ngữ lớn tiếng Việt', 'chuyển đổi số trong dịch vụ công', 'cảnh báo mã độc giả mạo ứng dụng ngân hàng'],
}
export const CATEGORIES = Object.keys(TOPICS)

const AGENCIES = ['Ủy ban nhân dân tỉnh', 'Sở Nông nghiệp và Phát triển nông thôn', 'Ban Chỉ huy phòng chống thiên tai', 'Sở Y tế', 'Công an tỉnh', 'Sở Giáo dục và Đào tạo', 'Sở Công Thương', 'Sở Du lịch', 'Bộ Giao thông vận tải', 'Tổng cục Thống kê']
const SENTENCES = [
  'Theo {agency} {place}, {topic} trong những ngày gần đây.',
  'Người dân {place} cho biết cuộc sống bị ảnh hưởng không nhỏ.',
  'Chính quyền địa phương đã huy động lực lượng hỗ trợ người dân khắc phục hậu quả.',
  'Đại diện {agency} khẳng định sẽ tiếp tục theo dõi sát tình hình.',
  'Trong năm nay, {place} đặt mục tiêu tăng trưởng {n}% so với năm trước.',
  'Nhiều chuyên gia nhận định đây là tín hiệu tích cực đối với kinh tế Việt Nam.',
  'Tính đến chiều {day}/{month}, đã có {n} hộ dân được hỗ trợ.',
  'Lãnh đạo tỉnh yêu cầu các sở, ngành xây dựng kế hoạch cụ thể và báo cáo trước ngày {day}/{month}.',
  'Thời tiết diễn biến phức tạp khiến công tác triển khai gặp nhiều khó khăn.',
  'Phóng viên ghi nhận tại hiện trường, nhiều người dân vẫn chưa trở về nhà.',
  'Các doanh nghiệp trên địa bàn đề xuất tháo gỡ vướng mắc về thủ tục và vốn vay.',
  'Kết quả này góp phần nâng cao đời sống vật chất và tinh thần của nhân dân.',
  'Ngành chức năng khuyến cáo người dân chủ động phòng tránh và theo dõi thông tin chính thức.',
  'Dự kiến đến cuối tháng {month}, công việc sẽ cơ bản hoàn thành.',
]
const TAG_EXTRAS = ['Thiên tai', 'Giao thông', 'Hạ tầng', 'Nông nghiệp', 'Y tế', 'Giáo dục', 'Du lịch', 'Bóng đá', 'Chứng khoán', 'Bất động sản', 'An ninh mạng', 'Môi trường', 'Lễ hội', 'Tết', 'Thời tiết']
export const TAGS = [...PLACES, ...TAG_EXTRAS]

/** Small fast PRNG (mulberry32), so every run seeds the same articles. */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The i-th article: { title, summary, bodyText, category, tags, publishedAt }. */
export function article(i, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)]
  const category = pick(CATEGORIES)
  const place = pick(PLACES)
  const topic = pick(TOPICS[category])
  const fill = (s) =>
    s.replace('{agency}', pick(AGENCIES)).replace('{place}', place).replace('{topic}', topic)
      .replace('{n}', String(2 + Math.floor(rand() * 500))).replace('{day}', String(1 + Math.floor(rand() * 28))).replace('{month}', String(1 + Math.floor(rand() * 12)))
  const title = `${place}: ${topic[0].toUpperCase()}${topic.slice(1)}`
  const order = SENTENCES.map((s) => [rand(), s]).sort((x, y) => x[0] - y[0]).map(([, s]) => s)
  const sentences = order.slice(0, 7 + Math.floor(rand() * 5)).map(fill)
  const paragraphs = [sentences.slice(0, 3).join(' '), sentences.slice(3).join(' ')]
  const tags = [...new Set([place, pick(TAG_EXTRAS), pick(TAG_EXTRAS)])].slice(0, 2 + Math.floor(rand() * 3))
  const publishedAt = new Date(Date.parse('2025-01-01T00:00:00Z') - i * 600_000).toISOString()
  const slug = `${title.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${i}`
  return { slug, title, summary: fill(SENTENCES[0]), paragraphs, category, tags, publishedAt }
}
