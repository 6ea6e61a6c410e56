/**
 * Public list filters never reveal what the newsroom is preparing: a tag or byline
 * carried only by drafts, scheduled or trashed articles answers `?tag=` / `?author=`
 * byte for byte like a slug that does not exist (issue 13).
 */
import { SELF } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createArticle, createAuthor } from '../helpers/fixtures'

const answer = async (path: string) => {
  const res = await SELF.fetch(`http://127.0.0.1:8787${path}`)
  return { status: res.status, body: await res.text() }
}

beforeAll(async () => {
  const secret = await createAuthor('Phóng viên Bí Mật')
  const scheduled = await createAuthor('Phóng viên Hẹn Giờ')
  const trashed = await createAuthor('Phóng viên Đã Xóa')
  const known = await createAuthor('Phóng viên Công Khai')
  await createArticle({ title: 'Điều tra chưa đăng', status: 'draft', tags: ['Vụ án bí mật'], authorIds: [secret.id] })
  await createArticle({ title: 'Tin cấm vận', status: 'scheduled', scheduledAt: new Date(Date.now() + 3_600_000).toISOString(), tags: ['Cấm vận'], authorIds: [scheduled.id] })
  await createArticle({ title: 'Tin đã xóa', deleted: true, tags: ['Đã gỡ'], authorIds: [trashed.id] })
  await createArticle({ title: 'Tin công khai', tags: ['Thời tiết'], authorIds: [known.id] })
})

describe('?tag= and ?author= on unpublished taxonomy', () => {
  it.each([
    ['tag', 'vu-an-bi-mat', 'khong-ton-tai-1'],
    ['tag', 'cam-van', 'khong-ton-tai-2'],
    ['tag', 'da-go', 'khong-ton-tai-3'],
    ['author', 'phong-vien-bi-mat', 'khong-ton-tai-4'],
    ['author', 'phong-vien-hen-gio', 'khong-ton-tai-5'],
    ['author', 'phong-vien-da-xoa', 'khong-ton-tai-6'],
  ])('%s=%s answers exactly like an unknown slug', async (param, hidden, unknown) => {
    const secret = await answer(`/api/v1/articles?${param}=${hidden}`)
    const none = await answer(`/api/v1/articles?${param}=${unknown}`)
    expect(secret.status).toBe(404)
    expect(none.status).toBe(404)
    expect(secret.body.replace(hidden, '«slug»')).toBe(none.body.replace(unknown, '«slug»'))
    expect(secret.body).not.toMatch(/draft|scheduled|unpublished/i)
  })

  it('a tag or byline on a published article still filters', async () => {
    expect((await answer('/api/v1/articles?tag=thoi-tiet')).status).toBe(200)
    expect((await answer('/api/v1/articles?author=phong-vien-cong-khai')).status).toBe(200)
  })
})
