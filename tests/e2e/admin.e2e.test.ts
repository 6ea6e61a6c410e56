/**
 * The editors' admin UI in a real browser against a real `wrangler dev` (local D1,
 * offline): sign-in and lock-out, writing and publishing a Vietnamese article, the
 * list, a concurrent edit, history, scheduling in site time, a preview link, trash,
 * language, sign-out.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { apiInPage, displayOf, signIn } from './support/admin-page'
import { closeBrowser, launchChromium } from './support/browser'
import { startWorker, type WorkerServer } from './support/worker-server'

const ADMIN = { email: 'bientap@toasoan.vn', password: 'mat-khau-toa-soan-2024' }
const TITLE = 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục'
const SLUG = 'da-nang-duong-pho-ngap-sau-sau-tran-mua-lon-ky-luc'
const BODY = 'Sáng 18/4, nhiều tuyến đường ở quận Hải Châu ngập sâu 0,5 m; người dân phải dắt bộ xe máy.'
const SCREENSHOTS = { editor: '/tmp/tin-admin-editor.png', list: '/tmp/tin-admin-list.png', failure: '/tmp/tin-admin-failure.png' }

let server: WorkerServer | undefined
let browser: Browser | undefined
let context: BrowserContext
let page: Page
let articleId = 0

const message = () => page.getByTestId('editor-message')

describe('admin UI in chromium', () => {
  beforeAll(async () => {
    // The browser first: without one, fail in a second rather than after the build and wrangler.
    browser = await launchChromium()
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
    server = await startWorker({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    // The editor's computer is in Paris: the UI must still read and write Hà Nội time.
    context = await browser.newContext({ timezoneId: 'Europe/Paris', locale: 'fr-FR', viewport: { width: 1366, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.on('dialog', (dialog) => void dialog.accept())
  })

  // A failure leaves what the browser showed and what the worker logged.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return
    await page.screenshot({ path: SCREENSHOTS.failure, fullPage: true }).catch(() => {})
    console.error(`${task.name}: screenshot in ${SCREENSHOTS.failure}; wrangler said:\n${server?.output().slice(-3000)}`)
  })

  afterAll(async () => {
    await closeBrowser(browser)
    await server?.stop()
  })

  it('answers a wrong password generically and locks an account out after five failures', async () => {
    await page.goto(`${server!.url}/admin/`)
    expect(await signIn(page, ADMIN.email, 'khong-phai-mat-khau')).toBe(401)
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Sai email hoặc mật khẩu.')

    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) statuses.push(await signIn(page, 'phong-vien@toasoan.vn', `doan-sai-${i}`))
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 10 phút.')
  })

  it('signs in and shows who is signed in', async () => {
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
    await expect.poll(() => page.getByTestId('who-am-i').textContent()).toBe('Tài khoản: Admin (Quản trị viên)')
    for (const name of ['Thời sự', 'Kinh tế']) expect((await apiInPage(page, 'POST', '/api/admin/categories', { name })).status).toBe(201)
    expect((await apiInPage(page, 'POST', '/api/admin/authors', { name: 'Nguyễn Văn An' })).status).toBe(201)
  })

  it('writes an article with a Vietnamese title, shows its slug, publishes it, and the public API lists it', async () => {
    await page.getByRole('link', { name: 'Viết bài mới' }).click()
    await page.getByLabel('Tiêu đề', { exact: true }).fill(TITLE)
    expect(await page.getByLabel('Đường dẫn (slug)').inputValue()).toBe(SLUG)
    await page.getByLabel('Sapo').fill('Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố trung tâm Đà Nẵng ngập sâu.')
    await page.getByTestId('body-editor').locator('.prose').click()
    await page.keyboard.type(BODY)
    await page.getByRole('button', { name: 'Đậm' }).click()
    await page.keyboard.type(' Chính quyền khuyến cáo hạn chế ra đường.')
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' })
    await page.getByLabel('Thẻ').fill('mưa lũ, Đà Nẵng')
    // The byline picker searches every author, accents optional; Enter picks the first match.
    await page.getByRole('combobox', { name: 'Tìm tác giả' }).fill('nguyen van an')
    await page.keyboard.press('Enter')
    await page.getByLabel('Nguồn').fill('TTXVN')

    await page.locator('[data-action=publish]').click()
    await expect.poll(() => message().textContent()).toBe('Đã đăng bài.')
    articleId = Number(/\/admin\/articles\/(\d+)$/.exec(page.url())?.[1])
    expect(articleId).toBeGreaterThan(0)
    expect(await page.locator('.editor-facts [data-status]').textContent()).toBe('Đã đăng')
    expect(await page.getByLabel('Đường dẫn (slug)').inputValue()).toBe(SLUG)
    const shown = (await page.getByTestId('published-at').textContent())!.replace('Đăng lúc ', '')
    expect(shown).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/)
    await page.screenshot({ path: SCREENSHOTS.editor, fullPage: true })

    const list = (await (await fetch(`${server!.url}/api/v1/articles`)).json()) as { data: Record<string, any>[] }
    const published = list.data.find((a) => a.slug === SLUG)
    expect(published).toMatchObject({ id: articleId, title: TITLE, source: 'TTXVN', category: { name: 'Thời sự' } })
    expect(published!.tags.map((t: { name: string }) => t.name)).toEqual(['mưa lũ', 'Đà Nẵng'])
    expect(published!.authors.map((a: { name: string }) => a.name)).toEqual(['Nguyễn Văn An'])
    expect(published!.body_html).toContain(BODY)
    expect(published!.body_html).toContain('<strong> Chính quyền khuyến cáo hạn chế ra đường.</strong>')
    expect(published!.published_at).toMatch(/\+07:00$/)
    expect(published!.published_at_display).toBe(displayOf(published!.published_at))
    expect(published!.published_at_display).toBe(shown)
  })

  it('reads the list at the D1 bookmark of its last answer, so the editor sees what they published', async () => {
    const kept = await page.evaluate(() => localStorage.getItem('tin-admin-d1-bookmark'))
    expect(kept).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/)
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/admin/articles')
    await page.getByRole('link', { name: 'Bài viết', exact: true }).click()
    const sent = (await request).headers()['x-d1-bookmark']
    expect(sent !== undefined && sent >= kept!).toBe(true)
    await page.locator('tbody tr', { hasText: TITLE }).waitFor()
  })

  it('lists the article with its status, category and time, and filters by status', async () => {
    await page.getByRole('link', { name: 'Bài viết', exact: true }).click()
    const row = page.locator('tbody tr', { hasText: TITLE })
    await row.waitFor()
    expect(await row.locator('[data-status]').textContent()).toBe('Đã đăng')
    expect(await row.textContent()).toContain('Thời sự')
    expect(await row.textContent()).toContain('Nguyễn Văn An')
    expect(await row.textContent()).toContain(SLUG)
    expect(await row.locator('time').last().textContent()).toMatch(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/)
    await page.screenshot({ path: SCREENSHOTS.list, fullPage: true })

    await page.getByLabel('Trạng thái').selectOption({ label: 'Nháp' })
    await expect.poll(() => page.locator('.empty').textContent()).toBe('Chưa có bài viết nào.')
    expect(page.url()).toMatch(/\?status=draft$/)
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đã đăng' })
    await row.waitFor()
  })

  it('refuses to overwrite a newer version saved by someone else, and takes theirs on request', async () => {
    await page.locator('tbody tr a', { hasText: TITLE }).click()
    await page.getByLabel('Sapo').waitFor()
    const current = await apiInPage(page, 'GET', `/api/admin/articles/${articleId}`)
    const theirs = await apiInPage(page, 'PATCH', `/api/admin/articles/${articleId}`, { summary: 'Bản sapo do biên tập viên khác sửa.' }, { 'If-Match': `"${current.body.data.version}"` })
    expect(theirs.status).toBe(200)

    await page.getByLabel('Nguồn').fill('Báo Đà Nẵng')
    await page.locator('[data-action=save]').click()
    await page.getByTestId('conflict').waitFor()
    expect(await page.getByTestId('conflict').textContent()).toContain('Người khác vừa lưu bài này')
    await page.getByRole('button', { name: 'Lấy bản trên máy chủ' }).click()
    await expect.poll(() => page.getByLabel('Sapo').inputValue()).toBe('Bản sapo do biên tập viên khác sửa.')
    expect(await page.getByLabel('Nguồn').inputValue()).toBe('TTXVN')
    expect(await page.getByTestId('conflict').count()).toBe(0)
  })

  it('restores an earlier revision as a new version', async () => {
    await page.getByRole('button', { name: 'Khôi phục phiên bản 1' }).click()
    await expect.poll(() => message().textContent()).toBe('Đã khôi phục phiên bản 1.')
    expect(await page.getByLabel('Sapo').inputValue()).toBe('Mưa lớn kéo dài từ đêm qua khiến nhiều tuyến phố trung tâm Đà Nẵng ngập sâu.')
    expect(await page.locator('.revisions li.current strong').textContent()).toBe('Phiên bản 4')
  })

  it('schedules a draft at a time typed in site time, whatever the computer’s zone', async () => {
    await page.getByRole('link', { name: 'Viết bài mới' }).click()
    await page.getByLabel('Tiêu đề', { exact: true }).fill('Hội An: Lễ hội đèn lồng đêm rằm tháng Giêng')
    await page.locator('[data-action=save]').click()
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc \d\d:\d\d$/)
    await page.locator('[data-action=schedule]').click()
    await page.getByLabel('Thời điểm đăng (giờ Asia/Ho_Chi_Minh)').fill('2030-04-18T09:35')
    await page.getByRole('dialog').getByRole('button', { name: 'Hẹn giờ' }).click()
    await expect.poll(() => message().textContent()).toBe('Đã hẹn giờ đăng.')
    expect(await page.locator('.editor-facts').textContent()).toContain('Hẹn đăng lúc 09:35 18/04/2030')
    const id = /\/admin\/articles\/(\d+)$/.exec(page.url())![1]
    expect((await apiInPage(page, 'GET', `/api/admin/articles/${id}`)).body.data.scheduled_at).toBe('2030-04-18T09:35:00+07:00')
  })

  it('makes a preview link that shows the unpublished article to someone with no session', async () => {
    await page.locator('[data-action=preview]').click()
    const link = await page.getByTestId('preview-link').getAttribute('href')
    expect(link).toMatch(/\/admin\/preview\/[\w-]+\.[\w-]+$/)
    const stranger = await browser!.newContext()
    try {
      const reader = await stranger.newPage()
      await reader.goto(link!)
      await expect.poll(() => reader.locator('article h1').textContent()).toBe('Hội An: Lễ hội đèn lồng đêm rằm tháng Giêng')
      expect(await reader.locator('.preview-banner').textContent()).toContain('Bản xem trước')
    } finally {
      await stranger.close()
    }
  })

  it('moves an article to the trash, where it can be restored', async () => {
    await page.goto(`${server!.url}/admin/articles/${articleId}`)
    await page.locator('[data-action=delete]').click()
    await expect.poll(() => page.locator('.editor-facts [data-status]').textContent()).toBe('Đã xóa')
    expect((await fetch(`${server!.url}/api/v1/articles/${articleId}`)).status).toBe(404)

    await page.getByRole('link', { name: 'Thùng rác' }).click()
    const row = page.locator('tbody tr', { hasText: TITLE })
    await row.getByRole('button', { name: /Khôi phục/ }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`Đã khôi phục “${TITLE}”.`)
    expect(await row.count()).toBe(0)
    expect((await fetch(`${server!.url}/api/v1/articles/${articleId}`)).status).toBe(200)
  })

  it('switches to English and remembers it', async () => {
    await page.getByRole('button', { name: 'Switch the interface to English' }).click()
    await expect.poll(() => page.getByRole('navigation').textContent()).toContain('Articles')
    await page.reload()
    await expect.poll(() => page.getByTestId('who-am-i').textContent()).toBe('Signed in as Admin (Administrator)')
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByRole('button', { name: 'Chuyển giao diện sang tiếng Việt' }).click()
    await expect.poll(() => page.getByTestId('who-am-i').textContent()).toBe('Tài khoản: Admin (Quản trị viên)')
  })

  it('signs out: the session is gone', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor()
    expect((await apiInPage(page, 'GET', '/api/admin/me')).status).toBe(401)
  })
})
