/**
 * Photos in the admin UI, in a real browser against a real `wrangler dev` (local D1
 * and R2, offline): upload with progress and a refused file, a captioned figure in
 * the body, the cover with its own caption, publishing, the public article, pasting
 * HTML with foreign images, and the media screen's "used by" and delete guard.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { concatBytes, imageBytes } from '../helpers/images'
import { apiInPage, signIn } from './support/admin-page'
import { adminBrowser } from './support/admin-browser'
import type { WorkerServer } from './support/worker-server'

const ADMIN = { email: 'anh@toasoan.vn', password: 'mat-khau-thu-vien-anh-2024' }
const TITLE = 'Đà Nẵng: Nước ngập tới yên xe trên đường Lê Duẩn'
const FILE = 'mua-lu-le-duan.png'
const ALT = 'Xe máy lội nước trên đường Lê Duẩn, Đà Nẵng'
const CAPTION = 'Nước ngập tới yên xe máy trên đường Lê Duẩn sáng 18/4'
const COVER_CAPTION = 'Ảnh bìa: phố Lê Duẩn chìm trong nước'
const SHOTS = { editor: '/tmp/tin-admin-media-editor.png', library: '/tmp/tin-admin-media-library.png' }
const FAILURE_SHOT = '/tmp/tin-admin-media-failure.png'

let server: WorkerServer | undefined
let context: BrowserContext
let page: Page
let articleId = 0
let key = ''

const dialog = () => page.getByRole('dialog')
const tile = (name: string) => page.getByTestId('media-grid').getByRole('button', { name: new RegExp(name.replace(/\./g, '\\.')) })

/**
 * A real 1200×800 PNG with 1.5 MB of noise after its end chunk (readers stop at IEND;
 * the library keeps the bytes as sent), so that under the throttled upload below the
 * progress bar has time to be seen between 0 and 1.
 */
async function bigPng(): Promise<Buffer> {
  const noise = new Uint8Array(1_500_000)
  for (let i = 0; i < noise.length; i += 65_536) crypto.getRandomValues(noise.subarray(i, i + 65_536))
  return Buffer.from(concatBytes(await imageBytes('png', { width: 1200, height: 800, variant: 7 }), noise))
}

describe('photos in the admin UI', () => {
  const ui = adminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, FAILURE_SHOT)
  beforeAll(() => {
    server = ui.server
    context = ui.context
    page = ui.page
  })

  it('signs in and opens a new article', async () => {
    await page.goto(`${server!.url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
    expect((await apiInPage(page, 'POST', '/api/admin/categories', { name: 'Thời sự' })).status).toBe(201)
    await page.getByRole('link', { name: 'Viết bài mới' }).click()
    await page.getByLabel('Tiêu đề', { exact: true }).fill(TITLE)
    await page.getByLabel('Sapo').fill('Mưa lớn từ đêm qua khiến nhiều tuyến phố trung tâm Đà Nẵng ngập sâu.')
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' })
    await page.getByTestId('body-editor').locator('.prose').click()
    await page.keyboard.type('Sáng 18/4, nhiều tuyến đường ở quận Hải Châu ngập sâu 0,5 m.')
  })

  it('uploads a photo from the picker with a progress bar, and it shows in the grid', async () => {
    await page.getByRole('button', { name: 'Chèn ảnh' }).click()
    await dialog().getByRole('heading', { name: 'Chèn ảnh vào bài' }).waitFor()
    // Every value the bar shows, frame by frame, while the upload runs at 1 MB/s.
    // (In-page code as text: this project's Node tsconfig has no DOM types.)
    await page.evaluate(`{
      const seen = (window.__progress = [])
      const tick = () => {
        const bar = document.querySelector('[data-testid=upload-progress]')
        if (bar) seen.push(bar.value)
        requestAnimationFrame(tick)
      }
      tick()
    }`)
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 1_000_000 })
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/admin/media') && r.request().method() === 'POST')
    await dialog().locator('input[type=file]').setInputFiles({ name: FILE, mimeType: 'image/png', buffer: await bigPng() })
    const uploaded = (await (await answer).json()) as { data: { key: string; width: number; height: number } }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    expect(uploaded.data).toMatchObject({ width: 1200, height: 800 })
    key = uploaded.data.key
    await expect.poll(() => dialog().getByRole('status').textContent()).toBe(`Đã tải lên ${FILE}.`)
    const seen = (await page.evaluate('window.__progress')) as number[]
    expect(seen.some((v) => v > 0 && v < 1), `progress values seen: ${seen.slice(0, 20).join(', ')}`).toBe(true)
    expect(await tile(FILE).getAttribute('aria-pressed')).toBe('true')
  })

  it('refuses an HTML page renamed .jpg, naming the file and why', async () => {
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
    await dialog().locator('input[type=file]').setInputFiles({ name: 'anh-that.jpg', mimeType: 'image/jpeg', buffer: html })
    await expect
      .poll(() => page.getByTestId('upload-refused').textContent())
      .toMatch(/^Không tải lên được “anh-that\.jpg”: đây không phải ảnh JPEG, PNG, WebP, AVIF hay GIF \(.+\)\.$/)
    expect(await tile('anh-that.jpg').count()).toBe(0)
  })

  it('inserts the photo as a figure with its alt text and a Vietnamese caption', async () => {
    await dialog().getByRole('button', { name: 'Chọn ảnh này' }).click()
    await dialog().getByRole('heading', { name: 'Mô tả ảnh trước khi chèn' }).waitFor()
    const alt = dialog().getByLabel('Mô tả ảnh (alt)', { exact: true })
    expect(await alt.getAttribute('required')).not.toBeNull()
    await alt.fill(ALT)
    await dialog().getByLabel('Chú thích', { exact: true }).fill('Nước ngập tới yên xe máy')
    await dialog().getByRole('button', { name: 'Chèn ảnh' }).click()
    const figure = page.locator('.prose figure')
    await figure.waitFor()
    expect(await figure.locator('img').getAttribute('src')).toBe(`/media/${key}`)
    expect(await figure.locator('img').getAttribute('alt')).toBe(ALT)
    // The caption is text in the body: typing goes on in it.
    await figure.locator('figcaption').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' trên đường Lê Duẩn sáng 18/4')
    await expect.poll(() => figure.locator('figcaption').textContent()).toBe(CAPTION)
  })

  it('sets the photo as the cover with a caption of its own; the photo’s defaults show as placeholders', async () => {
    const item = (await apiInPage(page, 'GET', `/api/admin/media?q=${encodeURIComponent('mua lu le duan')}`)).body.data[0]
    const patched = await apiInPage(page, 'PATCH', `/api/admin/media/${item.id}`, { alt: 'Mưa lũ Đà Nẵng', credit: 'Ảnh: Quang Minh' }, { 'If-Match': `"${item.version}"` })
    expect(patched.status).toBe(200)
    await page.getByRole('button', { name: 'Chọn ảnh đại diện' }).click()
    await tile(FILE).click()
    await dialog().getByRole('button', { name: 'Chọn ảnh này' }).click()
    await page.getByTestId('cover-thumb').waitFor()
    expect(await page.getByTestId('cover-thumb').getAttribute('src')).toBe(`/media/${key}`)
    expect(await page.getByLabel('Mô tả ảnh đại diện (alt)').getAttribute('placeholder')).toBe('Mưa lũ Đà Nẵng')
    expect(await page.getByLabel('Nguồn ảnh đại diện').getAttribute('placeholder')).toBe('Ảnh: Quang Minh')
    await page.getByLabel('Chú thích ảnh đại diện').fill(COVER_CAPTION)
    await page.screenshot({ path: SHOTS.editor, fullPage: true })
  })

  it('publishes; the public article has the figure with an absolute URL and its caption, and the cover its own caption', async () => {
    await page.locator('[data-action=publish]').click()
    await expect.poll(() => page.getByTestId('editor-message').textContent()).toBe('Đã đăng bài.')
    articleId = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())?.[1])
    const res = await fetch(`${server!.url}/api/v1/articles/${articleId}`)
    expect(res.status).toBe(200)
    const { data } = (await res.json()) as { data: { body_html: string; cover: Record<string, unknown> | null } }
    const figure = /<figure><img ([^>]*?) ?\/?><figcaption>([^<]*)<\/figcaption><\/figure>/.exec(data.body_html)
    expect(figure, data.body_html).not.toBeNull()
    expect(figure![1]).toMatch(new RegExp(`src="https?://[^"/]+/media/${key}"`))
    expect(figure![1]).toContain(`alt="${ALT}"`)
    expect(figure![1]).toContain('width="1200" height="800"')
    expect(figure![2]).toBe(CAPTION)
    expect(data.cover).toMatchObject({ caption: COVER_CAPTION, alt: 'Mưa lũ Đà Nẵng', credit: 'Ảnh: Quang Minh', width: 1200, height: 800 })
    expect(String(data.cover!.url)).toMatch(new RegExp(`^https?://[^/]+/media/${key}$`))
  })

  it('opens the saved article again with the figure and cover unchanged, nothing to save', async () => {
    await page.reload()
    await expect.poll(() => page.locator('.prose figure figcaption').textContent()).toBe(CAPTION)
    expect(await page.getByLabel('Chú thích ảnh đại diện').inputValue()).toBe(COVER_CAPTION)
    await page.getByTestId('cover-thumb').waitFor()
    expect(await page.locator('.dirty').count()).toBe(0)
  })

  it('keeps a pasted library photo as a figure with its caption and names the images it left out', async () => {
    await page.locator('.prose p').first().click()
    await page.keyboard.press('End')
    const html =
      `<p>Ảnh dán:</p><figure><img src="${server!.url}/media/${key}" alt="Ảnh thư viện"><figcaption>Chú thích dán vào</figcaption></figure>` +
      '<p>Ảnh ngoài <img src="https://i1-vnexpress.vnecdn.net/2017/04/18/mua-lu.jpg"> và <img src="data:image/png;base64,iVBORw0KGgo="></p>'
    await page.evaluate(`{
      const data = new DataTransfer()
      data.setData('text/html', ${JSON.stringify(html)})
      document.querySelector('.prose').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }`)
    await expect
      .poll(() => page.getByTestId('paste-notice').locator('p').textContent())
      .toBe('Đã bỏ 2 ảnh không có trong thư viện: mua-lu.jpg (i1-vnexpress.vnecdn.net), data:image/png. Hãy tải ảnh lên thư viện rồi chèn lại.')
    const pasted = page.locator('.prose figure', { hasText: 'Chú thích dán vào' })
    expect(await pasted.locator('img').getAttribute('src')).toBe(`/media/${key}`)
    expect(await pasted.locator('figcaption').textContent()).toBe('Chú thích dán vào')
    expect(await page.locator('.prose img').count()).toBe(2)
    await page.getByTestId('paste-notice').getByRole('button', { name: 'Đã hiểu' }).click()
    expect(await page.getByTestId('paste-notice').count()).toBe(0)
    await page.reload()
  })

  it('shows on the media screen which articles use the photo, and refuses to delete it', async () => {
    await page.getByRole('link', { name: 'Thư viện ảnh' }).click()
    await tile(FILE).click()
    const usedBy = page.getByTestId('media-details').getByTestId('media-used-by').first()
    await expect.poll(() => usedBy.textContent()).toContain(TITLE)
    expect(await usedBy.locator('li').textContent()).toContain('Đã đăng ảnh đại diện, ảnh trong bài')
    expect(await usedBy.getByRole('link', { name: TITLE }).getAttribute('href')).toBe(`/admin/articles/${articleId}`)

    // Someone else edits the photo's defaults meanwhile: saving ours is refused (412), a reload shows theirs.
    const item = (await apiInPage(page, 'GET', `/api/admin/media?q=${encodeURIComponent('mua lu le duan')}`)).body.data[0]
    const theirs = await apiInPage(page, 'PATCH', `/api/admin/media/${item.id}`, { caption: 'Bản của người khác' }, { 'If-Match': `"${item.version}"` })
    expect(theirs.status).toBe(200)
    await page.getByLabel('Chú thích mặc định').fill('Bản của tôi')
    await page.getByTestId('media-details').getByRole('button', { name: 'Lưu' }).click()
    await expect.poll(() => page.getByTestId('media-message').textContent()).toContain('Người khác vừa sửa ảnh này.')
    await page.getByTestId('media-message').getByRole('button', { name: 'Tải lại' }).click()
    await expect.poll(() => page.getByLabel('Chú thích mặc định').inputValue()).toBe('Bản của người khác')

    await page.getByRole('button', { name: 'Xóa ảnh' }).click()
    const refusal = page.getByTestId('media-in-use')
    await expect.poll(() => refusal.textContent()).toContain('Không xóa được: ảnh đang được dùng.')
    expect(await refusal.getByRole('link', { name: TITLE }).count()).toBe(1)
    expect(await refusal.getByRole('button', { name: 'Gỡ khỏi các bài và xóa' }).count()).toBe(1)
    await page.screenshot({ path: SHOTS.library, fullPage: true })
    // Nothing sticks out sideways (the hidden file input once widened the page by 60 px).
    expect(await page.evaluate('document.documentElement.scrollWidth <= innerWidth')).toBe(true)
    expect((await apiInPage(page, 'GET', `/api/admin/media?q=${encodeURIComponent('mua lu le duan')}`)).body.data).toHaveLength(1)
  })
})
