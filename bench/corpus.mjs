/**
 * Word pools for realistic Vietnamese provincial news: titles "{place}: {event}",
 * a sapo, and 4-7 paragraphs of reported speech and figures (about 300-500 words,
 * the length of a typical short news item). Deterministic for a given seed.
 */

/** mulberry32: a small seeded PRNG, so every run seeds the same data. */
export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
  }
}

export const CATEGORIES = [
  ['Thời sự', ['Chính trị', 'Dân sinh', 'Giao thông']], ['Thế giới', []], ['Kinh doanh', ['Bất động sản', 'Chứng khoán']],
  ['Giải trí', []], ['Thể thao', ['Bóng đá']], ['Pháp luật', []], ['Giáo dục', ['Tuyển sinh']], ['Sức khỏe', []],
  ['Đời sống', []], ['Du lịch', []], ['Khoa học', []], ['Số hóa', []], ['Xe', []], ['Ý kiến', []],
]

export const PLACES = [
  'Hà Nội', 'TP.HCM', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Nghệ An', 'Thanh Hóa', 'Quảng Ninh', 'Lâm Đồng',
  'Khánh Hòa', 'Bình Dương', 'Đồng Nai', 'Quảng Nam', 'Lào Cai', 'Điện Biên', 'Sóc Trăng', 'Cà Mau', 'Kiên Giang',
  'An Giang', 'Bắc Ninh', 'Thái Nguyên', 'Phú Yên', 'Gia Lai', 'Đắk Lắk', 'Hà Giang', 'Quảng Bình', 'Bến Tre',
]

const EVENTS = [
  'khởi công tuyến cao tốc nối liền hai tỉnh', 'mưa lớn gây ngập sâu nhiều tuyến phố', 'giá xăng giảm lần thứ ba liên tiếp',
  'học sinh tựu trường đón năm học mới', 'phát hiện đàn voọc quý hiếm trong rừng đặc dụng', 'lễ hội hoa xuân thu hút hàng nghìn du khách',
  'bệnh viện tỉnh triển khai phẫu thuật bằng robot', 'bắt giữ nhóm đối tượng lừa đảo qua mạng', 'nông dân trúng mùa lúa đông xuân',
  'khánh thành cầu mới bắc qua sông', 'đường dây nóng tiếp nhận phản ánh về giá điện', 'doanh nghiệp xuất khẩu thủy sản tăng đơn hàng',
  'cảnh báo sạt lở đất ở vùng núi', 'trường đại học công bố điểm chuẩn', 'đội tuyển bóng đá giành chiến thắng thuyết phục',
  'thành phố mở thêm tuyến xe buýt điện', 'chợ đêm ẩm thực hút khách cuối tuần', 'ra mắt ứng dụng dịch vụ công trực tuyến',
  'giá vàng trong nước lập đỉnh mới', 'nắng nóng kỷ lục, nhu cầu điện tăng cao', 'triển lãm ảnh về biển đảo quê hương',
  'tàu cá gặp nạn được cứu hộ kịp thời', 'hội chợ nông sản đặc sản vùng miền', 'người dân nhận sổ đỏ sau nhiều năm chờ đợi',
]
const QUALIFIERS = ['', '', ' trong tháng này', ' sau nhiều năm', ' dịp cuối tuần', ' từ đầu năm', ' trong đợt cao điểm', ' lần đầu tiên']

const PEOPLE = ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Lê Quang Đức', 'Phạm Thu Hà', 'Hoàng Minh Tuấn', 'Võ Thị Ngọc Ánh', 'Đặng Văn Lâm', 'Bùi Thị Hương']
const ROLES = ['Giám đốc Sở Giao thông vận tải', 'Chủ tịch UBND phường', 'Phó giám đốc bệnh viện', 'Trưởng phòng Kinh tế', 'Hiệu trưởng nhà trường', 'đại diện doanh nghiệp']
const SENTENCES = [
  (r) => `Theo ${r.pick(['ông', 'bà'])} ${r.pick(PEOPLE)}, ${r.pick(ROLES)}, kế hoạch đã được chuẩn bị từ ${r.int(2, 11)} tháng trước và sẽ hoàn thành trong năm nay.`,
  (r) => `Tổng mức đầu tư của dự án khoảng ${r.int(120, 9800)} tỷ đồng, trong đó ngân sách địa phương chiếm ${r.int(10, 60)}%.`,
  (r) => `Ghi nhận của phóng viên lúc ${r.int(6, 21)} giờ sáng nay cho thấy nhiều người dân đã có mặt từ sớm để theo dõi.`,
  (r) => `Cơ quan chức năng khuyến cáo người dân chủ động theo dõi thông tin và không chia sẻ tin chưa được kiểm chứng.`,
  (r) => `Trao đổi với báo chí, ${r.pick(['ông', 'bà'])} ${r.pick(PEOPLE)} cho biết đơn vị đã huy động ${r.int(20, 600)} cán bộ, chiến sĩ tham gia.`,
  (r) => `So với cùng kỳ năm trước, con số này tăng khoảng ${r.int(3, 45)}%, cao nhất trong vòng ${r.int(3, 12)} năm trở lại đây.`,
  () => `Nhiều hộ gia đình cho biết cuộc sống đã ổn định hơn, thu nhập bình quân tăng rõ rệt nhờ chuyển đổi cơ cấu cây trồng.`,
  () => `Chính quyền địa phương cam kết đảm bảo an toàn, vệ sinh môi trường và trật tự đô thị trong suốt thời gian diễn ra sự kiện.`,
  (r) => `Dự kiến đến cuối quý ${r.int(1, 4)}, toàn bộ hạng mục chính sẽ được bàn giao và đưa vào sử dụng.`,
  () => `Các chuyên gia nhận định đây là tín hiệu tích cực, tuy nhiên cần tiếp tục theo dõi diễn biến thị trường trong thời gian tới.`,
  (r) => `Hiện lực lượng chức năng đang phối hợp với ${r.int(2, 9)} đơn vị liên quan để làm rõ nguyên nhân và khắc phục hậu quả.`,
  () => `Người dân hy vọng công trình sẽ sớm hoàn thành, giúp việc đi lại thuận tiện hơn và thúc đẩy phát triển kinh tế của vùng.`,
  (r) => `Ban tổ chức cho biết chương trình năm nay có hơn ${r.int(30, 300)} gian hàng đến từ ${r.int(5, 40)} tỉnh, thành phố trên cả nước.`,
  () => `Đây là lần đầu tiên mô hình này được triển khai tại địa phương và nhận được sự ủng hộ của đông đảo người dân.`,
]

export const SOURCES = ['TTXVN', 'Báo Nhân Dân', 'VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'VOV', 'Báo Lao Động', null]
export const TAG_WORDS = [
  ...PLACES, 'Giá vàng', 'Giá xăng', 'Thời tiết', 'Bão lũ', 'Tuyển sinh', 'Cao tốc', 'Bóng đá', 'Chứng khoán', 'Bất động sản',
  'Giao thông', 'Y tế', 'Du lịch', 'Lễ hội', 'Nông nghiệp', 'Xuất khẩu', 'Chuyển đổi số', 'Môi trường', 'An ninh mạng',
]
export const AUTHOR_NAMES = [
  ...PEOPLE, 'Ngô Thanh Tùng', 'Dương Thị Lan', 'Lý Hoàng Nam', 'Trịnh Công Sơn', 'Mai Anh Thư', 'Hồ Quốc Bảo', 'Tạ Minh Châu',
  'Đỗ Thị Thu Trang', 'Phan Văn Khải', 'Vũ Hải Yến', 'Chu Đức Anh', 'La Thị Hồng', 'Kiều Minh Nhật', 'Lương Bảo Ngọc',
]

/** One article's text: title, sapo, paragraphs. */
export function articleText(r) {
  const title = `${r.pick(PLACES)}: ${r.pick(EVENTS)}${r.pick(QUALIFIERS)}`
  const summary = `${r.pick(SENTENCES)(r)} ${r.pick(SENTENCES)(r)}`
  const paragraphs = Array.from({ length: r.int(4, 7) }, () => Array.from({ length: r.int(2, 4) }, () => r.pick(SENTENCES)(r)).join(' '))
  return { title, summary, paragraphs }
}
