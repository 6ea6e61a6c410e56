/**
 * `npm run import:wordpress`: a generated WordPress export with Vietnamese content
 * mapped to import lines (in Node), then sent to the running worker in chunks,
 * interrupted after the first and resumed from its checkpoint.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { mapWxr, zonedIso } from '../../scripts/lib/wxr-map.mjs'
import { parseWxr } from '../../scripts/lib/wxr-parse.mjs'
import { generatedPosts, wxrDocument } from './support/archive/wxr.ts'
import { send } from './support/http.ts'
import { itLoggedNoUnhandledError, useNewsroom } from './support/suite.ts'

const run = promisify(execFile)
const posts = generatedPosts(12)
posts[0]!.thumbnail = 9000
posts.push({ id: 5, title: 'Giới thiệu', slug: 'gioi-thieu', content: 'Trang', date: '2016-01-01 00:00:00', type: 'page' })
posts.push({ id: 6, title: 'Bản nháp: Quảng Nam', slug: 'ban-nhap', content: 'Nháp', date: '2016-01-02 09:00:00', status: 'draft', dateGmt: '2016-01-02 02:00:00' })

async function cli(args: string[]) {
  return run(process.execPath, ['scripts/import-wordpress.mjs', ...args], { timeout: 60_000 }).then(
    (r) => ({ code: 0, ...r }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  )
}

describe('WordPress export → NDJSON (Node)', () => {
  const { lines, notes, skipped } = mapWxr(parseWxr(wxrDocument(posts)), { zone: 'Asia/Ho_Chi_Minh', mediaBase: 'http://127.0.0.1:8787/media/' })

  it('maps posts with captions as figures, other shortcodes stripped, dates in the site zone, views and old URLs', () => {
    expect(skipped).toBe(1)
    expect(lines).toHaveLength(13)
    expect(lines[0]).toMatchObject({
      external_id: 'wp-100',
      title: 'Đà Nẵng: Đường phố ngập sâu, bản tin số 1',
      published_at: '2016-09-01T08:15:00+07:00',
      slug: 'da-nang-ban-tin-100',
      category: 'Thời sự',
      tags: ['Đà Nẵng', 'Mưa lớn'],
      authors: ['Đặng Thị Hoa'],
      views: 1000,
      old_urls: ['/2016/09/01/da-nang-ban-tin-100/', '/?p=100'],
    })
    expect(lines[0]!.body_html).toContain('<figure><img src="https://baocu.vn/anh-0.jpg" alt="Phố ngập" /><figcaption>Người dân lội nước ở quận Hải Châu</figcaption></figure>')
    expect(lines[0]!.body_html).not.toContain('[')
    expect(lines.at(-1)).toMatchObject({ external_id: 'wp-6', status: 'draft', published_at: null })
    expect(notes.join('\n')).toContain('wp-100: featured image https://baocu.vn/wp-content/uploads/2016/09/ngap.jpg is not in the media library')
  })

  it('gives local times the offset of their zone and date', () => {
    expect(zonedIso('2016-09-02 08:15:00', 'Asia/Ho_Chi_Minh')).toBe('2016-09-02T08:15:00+07:00')
    expect(zonedIso('2016-07-01 12:00:00', 'Europe/Paris')).toBe('2016-07-01T12:00:00+02:00')
    expect(zonedIso('2016-01-01 12:00:00', 'Europe/Paris')).toBe('2016-01-01T12:00:00+01:00')
  })
})

describe('npm run import:wordpress against the running worker', () => {
  const room = useNewsroom()

  it('sends in chunks, stops when told, resumes from the checkpoint, and a re-run skips everything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tin-wxr-'))
    const file = join(dir, 'export.xml')
    // The first post's caption shows a photo of the newsroom's library (other hosts' images are dropped by the site's image policy).
    const photo = room().report.photos.find((p) => p !== null)!
    const live = posts.map((p) => (p.id === 100 ? { ...p, content: p.content.replace('https://baocu.vn/anh-0.jpg', photo.url) } : p))
    await writeFile(file, wxrDocument(live))
    const token = room().credentials.bearer.replace(/^Bearer /, '')
    const base = ['--to', room().url, '--token', token, '--chunk', '5']
    const first = await cli([file, ...base, '--max-chunks', '1'])
    expect(first.stderr).toContain('inline images on other hosts')
    expect(first.code, first.stderr).toBe(1)
    expect(JSON.parse(first.stdout)).toMatchObject({ complete: false, done: 5, total: 13, created: 5 })
    expect(JSON.parse(await readFile(`${file}.checkpoint.json`, 'utf8'))).toMatchObject({ done: 5 })
    const resumed = await cli([file, ...base])
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stderr).toContain('resuming after 5 of 13')
    expect(JSON.parse(resumed.stdout)).toMatchObject({ complete: true, done: 13, created: 13, failed: 0 })
    const again = await cli([file, ...base, '--checkpoint', join(dir, 'again.json')])
    expect(JSON.parse(again.stdout)).toMatchObject({ complete: true, created: 0, updated: 0, skipped: 13, failed: 0 })
  })

  it('shows the posts with their views, figures and old URLs', async () => {
    const article = await send(room().url, 'GET', '/api/v1/articles/slug/da-nang-ban-tin-100')
    expect(article.json.data).toMatchObject({ views: 1000, published_at: '2016-09-01T08:15:00+07:00', category: { name: 'Thời sự' }, authors: [{ name: 'Đặng Thị Hoa' }] })
    expect(article.json.data.body_html).toContain('<figcaption>Người dân lội nước ở quận Hải Châu</figcaption>')
    for (const path of ['/?p=100', '/2016/09/01/da-nang-ban-tin-100/']) {
      const moved = await send(room().url, 'GET', `/api/v1/redirects?path=${encodeURIComponent(path)}`)
      expect(moved.status, path).toBe(301)
      expect(moved.headers.location).toBe(article.json.data.canonical_url)
    }
    expect((await send(room().url, 'GET', `/api/v1/redirects?path=${encodeURIComponent('/?p=6')}`)).status).toBe(404)
  })

  itLoggedNoUnhandledError(room)
})
