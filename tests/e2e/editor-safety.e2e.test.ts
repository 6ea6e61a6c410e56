/**
 * Never lose an editor's words, in a real browser against `wrangler dev`: a session
 * that ends mid-edit, the browser's backup, autosave, a 412 with its side-by-side
 * diff, someone else in the same article; then a dated publish with its public
 * link, revision diffs, the fixes an editor hit (link + full stop, trailing empty
 * paragraph, preview of a published article), the phone layout and axe-core.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { apiInPage, signIn } from './support/admin-page'
import { closeBrowser, launchChromium } from './support/browser'
import { leaveEvidence } from './support/failure-evidence'
import { screenshotDir } from './support/screenshot-dir'
import { startWorker, type WorkerServer } from './support/worker-server'

const ADMIN = { email: 'bientap@toasoan.vn', password: 'mat-khau-toa-soan-2024' }
const REPORTER = { email: 'phongvien@toasoan.vn', password: 'phong-vien-mat-khau-2024', name: 'Trần Thị Bình' }
const FAILURE = '/tmp/tin-editor-safety-failure.png'

let server: WorkerServer | undefined
let browser: Browser | undefined
let context: BrowserContext
let page: Page
let adminId = 0

const message = () => page.getByTestId('editor-message')
const body = () => page.getByTestId('body-editor').locator('.prose')
const title = () => page.getByLabel('Tiêu đề', { exact: true })

/** A draft made through the API (as another tool or desk would), returning its id and version. */
async function draft(fields: Record<string, unknown>): Promise<{ id: number; version: number }> {
  const res = await apiInPage(page, 'POST', '/api/admin/articles', fields)
  expect(res.status).toBe(201)
  return res.body.data
}

const read = async (id: number) => (await apiInPage(page, 'GET', `/api/admin/articles/${id}`)).body.data

/** Opens the editor of article `id` and waits for its form. */
async function open(id: number, p: Page = page) {
  await p.goto(`${server!.url}/admin/articles/${id}`)
  await p.getByLabel('Tiêu đề', { exact: true }).waitFor()
}

/** Types at the end of the body, as a reporter would. */
async function typeAtEnd(text: string) {
  await body().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(text)
}

describe('editor safety in chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium()
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
    server = await startWorker({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password })
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.on('dialog', (dialog) => void dialog.accept())
    await page.goto(`${server.url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
    await page.getByTestId('who-am-i').waitFor()
    adminId = (await apiInPage(page, 'GET', '/api/admin/me')).body.data.id
    expect((await apiInPage(page, 'POST', '/api/admin/users', { ...REPORTER, role: 'editor' })).status).toBe(201)
    expect((await apiInPage(page, 'POST', '/api/admin/authors', { name: 'Nguyễn Văn An' })).status).toBe(201)
  })

  afterEach(({ task }) => leaveEvidence(task, page, server, FAILURE))

  afterAll(async () => {
    await closeBrowser(browser)
    await server?.stop()
  })

  it('keeps the unsaved text when the session ends: a sign-in dialog over the editor, then the save goes through', async () => {
    const a = await draft({ title: 'Phiên hết hạn giữa chừng', body_html: '<p>Đoạn đầu.</p>' })
    await open(a.id)
    await typeAtEnd(' Đoạn viết thêm trước khi phiên hết hạn.')
    // The session ends on the server (as an expiry or a revocation would): this page still shows the editor.
    expect((await apiInPage(page, 'DELETE', '/api/admin/session')).status).toBe(204)

    await page.locator('[data-action=save]').click()
    const dialog = page.getByTestId('sign-in-dialog')
    await dialog.waitFor()
    expect(await page.locator('.login-card').count()).toBe(0)
    expect(await body().textContent()).toContain('Đoạn viết thêm trước khi phiên hết hạn.')
    expect(await dialog.getByLabel('Email').inputValue()).toBe(ADMIN.email)
    await dialog.getByLabel('Mật khẩu').fill(ADMIN.password)
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/admin/articles/${a.id}`) && r.request().method() === 'PATCH' && r.status() === 200)
    await dialog.getByRole('button', { name: 'Đăng nhập và lưu tiếp' }).click()
    await patched
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc/)
    expect(await dialog.isVisible()).toBe(false)
    expect((await read(a.id)).body_html).toBe('<p>Đoạn đầu. Đoạn viết thêm trước khi phiên hết hạn.</p>')
  })

  it('keeps the text through a network drop and saves it when the network is back', async () => {
    const a = await draft({ title: 'Mất mạng giữa chừng', body_html: '<p>Đoạn đầu.</p>' })
    await open(a.id)
    await typeAtEnd(' Viết lúc mất mạng.')
    await context.setOffline(true)
    try {
      await page.locator('[data-action=save]').click()
      await expect.poll(() => message().textContent()).toMatch(/^Mất kết nối mạng/)
      expect(await body().textContent()).toContain('Viết lúc mất mạng.')
    } finally {
      await context.setOffline(false)
    }
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc/)
    expect((await read(a.id)).body_html).toBe('<p>Đoạn đầu. Viết lúc mất mạng.</p>')
  })

  it('offers the browser’s copy of unsaved edits after a reload, and forgets it once saved', async () => {
    const a = await draft({ title: 'Bản sao trong trình duyệt' })
    await open(a.id)
    await title().fill('Bản sao trong trình duyệt: tab bị đóng')
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes('tab bị đóng') === true, `tin-admin-draft:v1:${adminId}:${a.id}`)
    await page.reload()
    const banner = page.getByTestId('backup-banner')
    await banner.waitFor()
    expect(await title().inputValue()).toBe('Bản sao trong trình duyệt')
    expect(await banner.textContent()).toMatch(/ghi lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/)
    await banner.getByRole('button', { name: 'Khôi phục bản chưa lưu' }).click()
    expect(await title().inputValue()).toBe('Bản sao trong trình duyệt: tab bị đóng')
    await page.locator('[data-action=save]').click()
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc/)
    expect((await read(a.id)).title).toBe('Bản sao trong trình duyệt: tab bị đóng')
    expect(await page.evaluate((key) => localStorage.getItem(key), `tin-admin-draft:v1:${adminId}:${a.id}`)).toBeNull()
  })

  it('autosaves a draft ten seconds after the last keystroke, under the If-Match chain', async () => {
    const a = await draft({ title: 'Tự động lưu', body_html: '<p>Mở đầu.</p>' })
    await open(a.id)
    await typeAtEnd(' Một câu.')
    const first = page.waitForResponse((r) => r.url().endsWith(`/api/admin/articles/${a.id}`) && r.request().method() === 'PATCH', { timeout: 20_000 })
    const started = Date.now()
    expect((await first).status()).toBe(200)
    expect(Date.now() - started).toBeGreaterThan(8_000)
    await expect.poll(() => message().textContent()).toMatch(/^Đã tự động lưu lúc/)
    const saved = await read(a.id)
    expect(saved).toMatchObject({ version: a.version + 1, body_html: '<p>Mở đầu. Một câu.</p>' })
    // The next autosave sends the version the first one returned: no conflict with itself.
    await typeAtEnd(' Câu nữa.')
    const second = await page.waitForResponse((r) => r.url().endsWith(`/api/admin/articles/${a.id}`) && r.request().method() === 'PATCH', { timeout: 20_000 })
    expect(second.status()).toBe(200)
    expect(second.request().headers()['if-match']).toBe(`"${a.version + 1}"`)
    expect(await page.getByTestId('conflict').count()).toBe(0)
  })

  it('never autosaves a published article: it changes only on purpose', async () => {
    const a = await draft({ title: 'Bài đã đăng không tự lưu', body_html: '<p>Bản đã đăng.</p>' })
    expect((await apiInPage(page, 'POST', `/api/admin/articles/${a.id}/publish`, {}, { 'If-Match': `"${a.version}"` })).status).toBe(200)
    await open(a.id)
    const patches: string[] = []
    const watch = (r: { method: () => string; url: () => string }) => void (r.method() === 'PATCH' && patches.push(r.url()))
    page.on('request', watch)
    try {
      await typeAtEnd(' Sửa dở.')
      await page.waitForTimeout(11_500)
      expect(patches).toEqual([])
      expect(await page.locator('.editor-save .dirty').count()).toBe(1)
    } finally {
      page.off('request', watch)
    }
    expect((await read(a.id)).body_html).toBe('<p>Bản đã đăng.</p>')
  })

  it('on a 412 shows the server’s text beside the user’s, word by word: take theirs, or keep mine as a new version', async () => {
    const a = await draft({ title: 'Mưa lớn ở Huế', summary: 'Sapo gốc.', body_html: '<p>Nước sông Hương lên nhanh.</p>' })
    await open(a.id)
    await title().fill('Mưa lớn ở Huế, nước lên nhanh')
    // Someone else saves first.
    expect((await apiInPage(page, 'PATCH', `/api/admin/articles/${a.id}`, { summary: 'Sapo của bàn biên tập.' }, { 'If-Match': `"${a.version}"` })).status).toBe(200)
    await page.locator('[data-action=save]').click()
    const conflict = page.getByTestId('conflict')
    await conflict.waitFor()
    const summary = conflict.locator('[data-field=summary]')
    expect(await summary.locator('[data-side=left] ins, [data-side=right] del').count()).toBe(0)
    expect(await summary.locator('[data-side=left] del').allTextContents()).toEqual(['của bàn biên tập'])
    expect(await conflict.locator('[data-field=title] [data-side=right] ins').allTextContents()).toEqual([', nước lên nhanh'])
    expect(await conflict.locator('[data-field=body]').textContent()).toContain('Không thay đổi.')
    await conflict.getByRole('button', { name: 'Lấy bản trên máy chủ' }).click()
    expect(await title().inputValue()).toBe('Mưa lớn ở Huế')
    expect(await page.getByLabel('Sapo').inputValue()).toBe('Sapo của bàn biên tập.')

    // Again, and this time the user's text wins, as a new version over theirs.
    const now = await read(a.id)
    await title().fill('Mưa lớn ở Huế: bản của tôi')
    expect((await apiInPage(page, 'PATCH', `/api/admin/articles/${a.id}`, { title: 'Bản của người khác' }, { 'If-Match': `"${now.version}"` })).status).toBe(200)
    await page.locator('[data-action=save]').click()
    await conflict.waitFor()
    await conflict.getByRole('button', { name: 'Giữ bản của tôi' }).click()
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu bản của bạn/)
    expect(await read(a.id)).toMatchObject({ title: 'Mưa lớn ở Huế: bản của tôi', summary: 'Sapo của bàn biên tập.', version: now.version + 2 })
  })

  it('tells an editor who else has the article open', async () => {
    const a = await draft({ title: 'Hai người cùng mở' })
    await open(a.id)
    const other = await browser!.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const second = await other.newPage()
      second.setDefaultTimeout(15_000)
      await second.goto(`${server!.url}/admin/articles/${a.id}`)
      expect(await signIn(second, REPORTER.email, REPORTER.password)).toBe(200)
      await second.getByLabel('Tiêu đề', { exact: true }).waitFor()
      await expect.poll(() => second.getByTestId('presence').textContent()).toContain('Admin')
      // The first editor hears of the second at its next heartbeat, at most 30 s later.
      await expect.poll(() => page.getByTestId('presence').textContent(), { timeout: 35_000, interval: 1_000 }).toContain(REPORTER.name)
    } finally {
      await other.close()
    }
  }, 60_000)

  it('publishes with a past date after a confirmation, then shows the public link', async () => {
    const a = await draft({ title: 'Lưu trữ: lũ lịch sử năm 2017', body_html: '<p>Bài từ kho lưu trữ.</p>' })
    await open(a.id)
    await page.locator('[data-action=publish-dated]').click()
    const dialog = page.getByTestId('publish-dated')
    await dialog.getByLabel(/Ngày giờ đăng/).fill('2017-04-18T09:35')
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click()
    expect(await dialog.getByTestId('publish-dated-confirm').textContent()).toBe('Đăng “Lưu trữ: lũ lịch sử năm 2017” ngay bây giờ, ghi ngày đăng là 09:35 18/04/2017?')
    expect((await read(a.id)).status).toBe('draft')
    await dialog.getByRole('button', { name: 'Đăng bài' }).click()
    await expect.poll(() => message().textContent()).toBe('Đã đăng bài.')
    expect(await page.getByTestId('published-at').textContent()).toBe('Đăng lúc 09:35 18/04/2017')
    const published = await read(a.id)
    expect(published.published_at).toBe('2017-04-18T09:35:00+07:00')
    expect(await page.getByTestId('public-link').locator('a').getAttribute('href')).toBe(published.url)
  })

  it('opens an old version with its differences from the current text before restoring it', async () => {
    const a = await draft({ title: 'Bản đầu tiên', body_html: '<p>Câu gốc của bài.</p>' })
    expect((await apiInPage(page, 'PATCH', `/api/admin/articles/${a.id}`, { title: 'Bản thứ hai', body_html: '<p>Câu đã sửa của bài.</p>' }, { 'If-Match': `"${a.version}"` })).status).toBe(200)
    await open(a.id)
    await page.getByRole('button', { name: `So sánh phiên bản ${a.version} với bản hiện tại` }).click()
    const dialog = page.getByTestId('revision-diff')
    await dialog.locator('[data-field=title] del').first().waitFor()
    expect(await dialog.locator('[data-field=title] [data-side=left] del').allTextContents()).toEqual(['đầu tiên'])
    expect(await dialog.locator('[data-field=title] [data-side=right] ins').allTextContents()).toEqual(['thứ hai'])
    expect(await dialog.locator('[data-field=body] [data-side=right] ins').allTextContents()).toEqual(['đã sửa'])
    await dialog.getByRole('button', { name: `Khôi phục phiên bản ${a.version}` }).click()
    await expect.poll(() => message().textContent()).toBe(`Đã khôi phục phiên bản ${a.version}.`)
    expect((await read(a.id)).title).toBe('Bản đầu tiên')
  })

  it('ends a link where it ends: the full stop typed after it is plain text', async () => {
    const a = await draft({ title: 'Liên kết và dấu chấm' })
    await open(a.id)
    await body().click()
    await page.keyboard.type('Theo báo Tuổi Trẻ')
    for (let i = 0; i < 'Tuổi Trẻ'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.getByRole('button', { name: 'Liên kết', exact: true }).click()
    await page.getByLabel('Địa chỉ liên kết').fill('tuoitre.vn')
    await page.getByLabel('Địa chỉ liên kết').press('Enter')
    // Tiptap hands the focus back to the text on the next animation frame: keys pressed before then land nowhere.
    await expect.poll(() => body().evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true)
    await page.keyboard.press('End')
    await page.keyboard.type('.')
    await page.locator('[data-action=save]').click()
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc/)
    expect((await read(a.id)).body_html).toBe('<p>Theo báo <a href="https://tuoitre.vn/">Tuổi Trẻ</a>.</p>')
  })

  it('does not save the empty paragraphs left after the last line', async () => {
    const a = await draft({ title: 'Không có đoạn trống ở cuối' })
    await open(a.id)
    await body().click()
    await page.keyboard.type('Đoạn duy nhất.')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.locator('[data-action=save]').click()
    await expect.poll(() => message().textContent()).toMatch(/^Đã lưu lúc/)
    expect((await read(a.id)).body_html).toBe('<p>Đoạn duy nhất.</p>')
    expect(await page.locator('.editor-save .dirty').count()).toBe(0)
  })

  it('previews a published article as published, with its byline', async () => {
    const authors = (await apiInPage(page, 'GET', '/api/admin/authors')).body.data as { id: number; name: string }[]
    const a = await draft({ title: 'Xem trước bài đã đăng', body_html: '<p>Nội dung.</p>', author_ids: [authors[0]!.id] })
    expect((await apiInPage(page, 'POST', `/api/admin/articles/${a.id}/publish`, {}, { 'If-Match': `"${a.version}"` })).status).toBe(200)
    await open(a.id)
    await page.locator('[data-action=preview]').click()
    const href = await page.getByTestId('preview-link').getAttribute('href')
    const reader = await context.newPage()
    try {
      await reader.goto(href!)
      await expect.poll(() => reader.getByTestId('preview-banner').textContent()).toContain('bài đã đăng')
      expect(await reader.getByTestId('preview-authors').textContent()).toContain('Nguyễn Văn An')
      expect(await reader.title()).toBe('Xem trước: Xem trước bài đã đăng · Tin Edge')
    } finally {
      await reader.close()
    }
  })

  it('names the article in the tab title', async () => {
    const a = await draft({ title: 'Tên bài trên thẻ trình duyệt' })
    await open(a.id)
    await expect.poll(() => page.title()).toBe('Tên bài trên thẻ trình duyệt · Tin Edge')
  })

  it('at 390 px wide grows the title box and keeps Save in view when scrolled; screenshots', async () => {
    const long = 'Đà Nẵng: Đường phố ngập sâu sau trận mưa lớn kỷ lục, hàng nghìn hộ dân ở quận Hải Châu, Thanh Khê và Liên Chiểu phải di dời trong đêm'
    const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Đoạn ${i + 1}: người dân phải dắt bộ xe máy qua những tuyến đường ngập sâu 0,5 m.</p>`).join('')
    const a = await draft({ title: long, summary: 'Mưa lớn kéo dài từ đêm qua.', body_html: paragraphs })
    const phone = await browser!.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
    try {
      await phone.addCookies(await context.cookies())
      const p = await phone.newPage()
      p.setDefaultTimeout(15_000)
      await open(a.id, p)
      const box = p.getByLabel('Tiêu đề', { exact: true })
      const sizes = await box.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }))
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.client + 1)
      const shots = screenshotDir()
      await p.screenshot({ path: `${shots}/editor-390-top.png` })
      await p.mouse.wheel(0, 2500)
      await expect.poll(() => p.evaluate('window.scrollY')).toBeGreaterThan(800)
      const save = p.locator('[data-action=save]')
      // In the window and on top (not under another layer): what a thumb can press.
      const inView = await save.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const { document: doc, innerHeight } = globalThis as unknown as { document: { elementFromPoint: (x: number, y: number) => unknown }; innerHeight: number }
        const hit = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
        return r.top >= 0 && r.bottom <= innerHeight && (hit === el || el.contains(hit as typeof el))
      })
      expect(inView).toBe(true)
      await p.screenshot({ path: `${shots}/editor-390-scrolled.png` })
    } finally {
      await phone.close()
    }
  })

  it('has no serious or critical axe-core violations on the editor', async () => {
    const a = await draft({ title: 'Kiểm tra trợ năng', body_html: '<p>Nội dung.</p>' })
    // The admin's CSP (script-src 'self') rightly refuses an inline script: this context alone sets it aside to inject axe.
    const checking = await browser!.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true })
    try {
      await checking.addCookies(await context.cookies())
      const p = await checking.newPage()
      p.setDefaultTimeout(15_000)
      await open(a.id, p)
      const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
      await p.addScriptTag({ content: axe })
      const violations = await p.evaluate(async () => {
        const page = globalThis as any
        const result = await page.axe.run(page.document, { resultTypes: ['violations'] })
        return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')) }))
      })
      console.warn(`axe-core on the editor: ${JSON.stringify(violations)}`)
      expect(violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
    } finally {
      await checking.close()
    }
  })
})
