/**
 * The newsroom's photo desk: images of every type the library accepts, with the
 * filenames cameras and editors give them (DSC_0412.JPG, Vietnamese names with
 * accents), Vietnamese captions and credits, and sizes from a thumbnail to a
 * camera's 6000x4000 frame. Some carry an EXIF-sized APP1 block so the upload is
 * several megabytes, past the admin API's 2 MiB JSON limit, as real photos are.
 */
import { PLACES, type Rng } from '../../../../bench/corpus.mjs'
import { EXTENSIONS, imageBytes, concatBytes, type TestImageType } from '../../../helpers/images.ts'

export interface PlannedPhoto {
  type: TestImageType
  width: number
  height: number
  variant: number
  /** Bytes of camera metadata added to a JPEG (0: none). */
  exifBytes: number
  filename: string
  alt: string
  caption: string
  credit: string
}

const SCENES = [
  'Nước lũ dâng cao trên đường phố',
  'Lực lượng cứu hộ sơ tán người dân',
  'Toàn cảnh hội nghị',
  'Người dân dắt bộ xe máy qua đoạn đường ngập',
  'Cầu Rồng nhìn từ trên cao',
  'Nông dân thu hoạch lúa',
  'Học sinh trở lại trường sau kỳ nghỉ',
  'Đoàn công tác kiểm tra công trình',
]
const PHOTOGRAPHERS = ['Quang Minh', 'Nguyễn Văn Thắng', 'Lê Thị Hồng Nhung', 'TTXVN', 'Đặng Khoa', 'Trần Đức Huy']
const SIZES: [number, number][] = [[1600, 1067], [1200, 800], [800, 600], [2048, 1365], [6000, 4000], [640, 640], [1080, 1350], [320, 180]]
const TYPES: TestImageType[] = ['jpeg', 'jpeg', 'jpeg', 'png', 'webp', 'gif', 'avif']

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

function filename(r: Rng, i: number, type: TestImageType, scene: string, place: string): string {
  const ext = EXTENSIONS[type]
  const roll = r.next()
  if (roll < 0.3) return `DSC_${String(400 + i).padStart(4, '0')}.${ext.toUpperCase()}`
  if (roll < 0.5) return `Ảnh ${scene.toLowerCase()} ở ${place} ${i}.${ext}`
  return `${fold(`${scene} ${place}`)}-${i}.${ext}`
}

/** `count` photos; the first four pin a 6 MB camera JPEG, an AVIF, a GIF and a credit searched for by the tests. */
export function photoPlan(r: Rng, count = 30): PlannedPhoto[] {
  return Array.from({ length: count }, (_, i) => {
    const type = i === 1 ? 'avif' : i === 2 ? 'gif' : i === 0 ? 'jpeg' : r.pick(TYPES)
    const [width, height] = i === 0 ? [6000, 4000] : r.pick(SIZES)
    const scene = r.pick(SCENES)
    const place = r.pick(PLACES)
    return {
      type,
      width,
      height,
      variant: 1000 + i,
      exifBytes: i === 0 ? 6_000_000 : type === 'jpeg' && r.next() < 0.3 ? r.int(20_000, 400_000) : 0,
      filename: filename(r, i, type, scene, place),
      alt: r.next() < 0.8 ? `${scene} tại ${place}` : '',
      caption: `${scene} tại ${place} sáng ${r.int(1, 28)}/${r.int(1, 12)}.`,
      credit: `Ảnh: ${i === 3 ? 'Quang Minh' : r.pick(PHOTOGRAPHERS)}`,
    }
  })
}

/** APP1 segments (at most 65,533 bytes of payload each) of `bytes` filler, as a camera's EXIF and maker notes. */
function exif(bytes: number, seed: number): Uint8Array {
  const segments: Uint8Array[] = []
  for (let left = bytes; left > 0; ) {
    const n = Math.min(left, 65_533)
    const segment = new Uint8Array(n + 4)
    segment.set([0xff, 0xe1, ((n + 2) >> 8) & 255, (n + 2) & 255])
    for (let i = 4; i < segment.length; i++) segment[i] = (i * 31 + seed) & 0x7f
    segments.push(segment)
    left -= n
  }
  return concatBytes(...segments)
}

/** The file the photo desk uploads. */
export async function photoBytes(p: PlannedPhoto): Promise<Uint8Array> {
  const bytes = await imageBytes(p.type, { width: p.width, height: p.height, variant: p.variant })
  if (p.type !== 'jpeg' || p.exifBytes === 0) return bytes
  // After SOI (FF D8), where cameras put APP1.
  return concatBytes(bytes.subarray(0, 2), exif(p.exifBytes, p.variant), bytes.subarray(2))
}
