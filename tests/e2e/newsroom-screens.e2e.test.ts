/**
 * The newsroom's management screens in chromium, as an admin and as an author:
 * unknown pages, the dashboard, categories (reorder, rename with the old slug
 * redirecting), tags (merge), the byline picker (search, create on the fly), staff
 * users, one's own password and tokens, the audit log. Each screen gets an axe run
 * (no serious or critical violation) and a phone-width screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { apiInPage, signIn } from './support/admin-page'
import { axeViolations, phoneScreenshot, seriousOf } from './support/axe'
import { useAdminBrowser } from './support/admin-browser'

const ADMIN = { email: 'quantri@toasoan.vn', password: 'mat-khau-quan-tri-2024' }
const AUTHOR = { email: 'phongvien@toasoan.vn', password: 'mat-khau-phong-vien-2024', name: 'Trần Thị Bình' }
const FAILURE = '/tmp/tin-admin-newsroom-failure.png'

const ui = useAdminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, FAILURE, { timezoneId: 'Europe/Paris', locale: 'fr-FR', bypassCSP: true })
let page: Page
const server = () => ui.server()
const axeReport: string[] = []

/** Axe on the screen as it is now (serious and critical fail the test) and its phone screenshot. */
async function checkScreen(name: string) {
  const violations = await axeViolations(page)
  axeReport.push(`${name}: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`)
  expect(seriousOf(violations)).toEqual([])
  await phoneScreenshot(page, name)
}

const open = async (path: string, heading: string) => {
  await page.goto(`${server().url}/admin${path}`)
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

describe('the newsroom screens in chromium', () => {
  beforeAll(async () => {
    page = ui.page()
    await page.goto(`${server().url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
  })

  afterAll(() => console.warn(`axe (serious/critical fail the run):\n${axeReport.join('\n')}`))

  it('answers an unknown page with "page not found", and real screens at their paths', async () => {
    await open('/khong-co-trang-nay', 'Không tìm thấy trang')
    expect(await page.title()).toBe('Không tìm thấy trang · Tin Edge')
    await checkScreen('not-found')
    await page.getByRole('link', { name: 'Về trang tổng quan' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor()
    for (const [path, heading, title] of [
      ['/users', 'Người dùng', 'Người dùng'],
      ['/categories', 'Chuyên mục', 'Chuyên mục'],
      ['/audit-log', 'Nhật ký hoạt động', 'Nhật ký hoạt động'],
    ] as const) {
      await open(path, heading)
      expect(await page.title()).toBe(`${title} · Tin Edge`)
    }
  })

  it('shows on the dashboard what waits for review, what is scheduled next and what was published', async () => {
    const make = async (title: string, action?: string, body: unknown = {}) => {
      const id = (await apiInPage(page, 'POST', '/api/admin/articles', { title })).body.data.id as number
      if (action) expect((await apiInPage(page, 'POST', `/api/admin/articles/${id}/${action}`, body)).status).toBe(200)
      return id
    }
    await make('Bài chờ duyệt: Huế mưa lớn', 'submit')
    await make('Bài hẹn giờ: Kết quả xổ số', 'schedule', { at: '2031-01-01T07:00:00+07:00' })
    await make('Bài đã đăng: Hà Nội đón rét', 'publish', { published_at: '2017-04-18T09:35:00+07:00' })
    await open('/dashboard', 'Tổng quan')
    await expect.poll(() => page.getByTestId('dash-review').textContent()).toContain('Bài chờ duyệt: Huế mưa lớn')
    await expect.poll(() => page.getByTestId('dash-scheduled').textContent()).toContain('Bài hẹn giờ: Kết quả xổ số07:00 01/01/2031')
    await expect.poll(() => page.getByTestId('dash-recent').textContent()).toContain('Bài đã đăng: Hà Nội đón rét09:35 18/04/2017')
    await page.getByRole('button', { name: '7 ngày' }).click()
    expect(await page.getByRole('button', { name: '7 ngày' }).getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => page.getByTestId('dash-most-read').textContent()).toContain('Không có bài nào.')
    expect(await page.title()).toBe('Tổng quan · Tin Edge')
    await checkScreen('dashboard')
  })

  it('adds, reorders and renames categories; the old slug redirects', async () => {
    await open('/categories', 'Chuyên mục')
    for (const name of ['Thể thao', 'Văn hóa']) {
      await page.getByLabel('Tên', { exact: true }).last().fill(name)
      await page.getByRole('button', { name: 'Thêm', exact: true }).click()
      await page.getByTestId(`category-${name === 'Thể thao' ? 'the-thao' : 'van-hoa'}`).waitFor()
    }
    const order = () => page.locator('.tree-name').allTextContents()
    expect(await order()).toEqual(['Thể thao', 'Văn hóa'])
    await page.getByRole('button', { name: 'Đưa “Văn hóa” lên trên' }).click()
    await expect.poll(order).toEqual(['Văn hóa', 'Thể thao'])

    await page.getByRole('button', { name: 'Sửa “Thể thao”' }).click()
    await page.getByLabel('Đường dẫn (slug)').fill('the-thao-24h')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByTestId('category-the-thao-24h').waitFor()
    const old = await fetch(`${server().url}/api/v1/categories/the-thao`, { redirect: 'manual' })
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/api/v1/categories/the-thao-24h')
    await checkScreen('categories')
  })

  it('merges one tag into another', async () => {
    const a = await apiInPage(page, 'POST', '/api/admin/articles', { title: 'Cầu Rồng phun lửa', tags: ['Da Nang'] })
    await apiInPage(page, 'POST', '/api/admin/articles', { title: 'Biển Mỹ Khê', tags: ['Đà Nẵng ơi'] })
    await open('/tags', 'Thẻ')
    await page.getByLabel('Gộp thẻ “Da Nang” vào thẻ').selectOption({ label: 'Đà Nẵng ơi' })
    await page.getByRole('button', { name: 'Gộp Da Nang' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã gộp “Da Nang” vào “Đà Nẵng ơi”.')
    await expect.poll(() => page.getByTestId('tag-da-nang-oi').textContent()).toContain('2 bài')
    expect((await apiInPage(page, 'GET', `/api/admin/articles/${a.body.data.id}`)).body.data.tags).toEqual(['Đà Nẵng ơi'])
    await checkScreen('tags')
  })

  it('picks a byline by searching without accents, and adds a new author on the spot', async () => {
    for (const name of ['Trần Thị Bình', 'Trần Văn Cường', 'Lê Thị Dung']) await apiInPage(page, 'POST', '/api/admin/authors', { name })
    await page.goto(`${server().url}/admin/articles/new`)
    const box = page.getByRole('combobox', { name: 'Tìm tác giả' })
    await box.fill('tran thi')
    const offered = () => page.getByRole('listbox', { name: 'Tìm tác giả' }).getByRole('option').allTextContents()
    await expect.poll(offered).toEqual(['Trần Thị Bình', 'Thêm tác giả mới “tran thi”'])
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Bỏ tác giả Trần Thị Bình' }).waitFor()
    await box.fill('Hoàng Mai Anh')
    await page.getByRole('option', { name: 'Thêm tác giả mới “Hoàng Mai Anh”' }).click()
    await page.getByRole('button', { name: 'Bỏ tác giả Hoàng Mai Anh' }).waitFor()
    const authors = (await apiInPage(page, 'GET', '/api/admin/authors?limit=100')).body.data.map((x: { name: string }) => x.name)
    expect(authors).toContain('Hoàng Mai Anh')
    await page.getByLabel('Tiêu đề', { exact: true }).fill('Bài có hai tác giả')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.waitForURL(/\/admin\/articles\/\d+$/)
    const id = Number(new URL(page.url()).pathname.split('/').pop())
    const saved = (await apiInPage(page, 'GET', `/api/admin/articles/${id}`)).body.data
    expect(saved.authors.map((x: { name: string }) => x.name)).toEqual(['Trần Thị Bình', 'Hoàng Mai Anh'])
  })

  it('lets an admin add a staff user and change a role', async () => {
    await open('/users', 'Người dùng')
    await page.getByLabel('Tên', { exact: true }).fill(AUTHOR.name)
    await page.getByLabel('Email', { exact: true }).fill(AUTHOR.email)
    await page.getByLabel('Vai trò', { exact: true }).selectOption('contributor')
    await page.getByLabel('Mật khẩu ban đầu').fill(AUTHOR.password)
    await page.getByRole('button', { name: 'Thêm', exact: true }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Đã thêm ${AUTHOR.name}.`)
    await page.getByLabel(`Vai trò của ${AUTHOR.name}`).selectOption('author')
    await expect.poll(async () => (await apiInPage(page, 'GET', '/api/admin/users')).body.data.find((u: { email: string }) => u.email === AUTHOR.email)?.role).toBe('author')
    await checkScreen('users')
  })

  it('changes my own password and creates and revokes a personal access token', async () => {
    await page.getByTestId('who-am-i').click()
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor()
    await page.getByLabel('Mật khẩu hiện tại').fill('khong-dung-mat-khau')
    await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-2025-rat-dai')
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Mật khẩu hiện tại không đúng.')
    await page.getByLabel('Mật khẩu hiện tại').fill(ADMIN.password)
    await page.getByLabel('Mật khẩu mới').fill('mat-khau-moi-2025-rat-dai')
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click()
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Đã đổi mật khẩu.')
    ADMIN.password = 'mat-khau-moi-2025-rat-dai'

    await page.getByLabel('Tên mã').fill('Script nhập bài')
    await page.getByRole('button', { name: 'Tạo mã' }).click()
    const secret = await page.getByTestId('token-secret').inputValue()
    const me = await fetch(`${server().url}/api/admin/me`, { headers: { Authorization: `Bearer ${secret}` } })
    expect(me.status).toBe(200)
    await checkScreen('account')
    await page.getByRole('button', { name: 'Thu hồi mã Script nhập bài' }).click()
    await page.getByText('Đã thu hồi').waitFor()
    expect((await fetch(`${server().url}/api/admin/me`, { headers: { Authorization: `Bearer ${secret}` } })).status).toBe(401)
  })

  it('reads the audit log page by page, filtered by action (in the URL)', async () => {
    await open('/audit-log', 'Nhật ký hoạt động')
    await page.getByLabel('Hành động (ví dụ article.published)').fill('tag.merged')
    await page.getByRole('button', { name: 'Lọc' }).click()
    await expect.poll(() => page.locator('table.articles tbody tr').count()).toBe(1)
    expect(await page.locator('table.articles tbody').textContent()).toContain('tag.merged')
    expect(new URL(page.url()).search).toBe('?action=tag.merged')
    await checkScreen('audit-log')
  })

  it('as an author: no staff screens, read-only categories, no byline creation; the API refuses anyway', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    expect(await signIn(page, AUTHOR.email, AUTHOR.password)).toBe(200)
    await page.getByTestId('who-am-i').waitFor()
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' })
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Tổng quan', 'Bài viết', 'Thư viện ảnh', 'Thùng rác', 'Chuyên mục', 'Thẻ', 'Viết bài mới'])
    await open('/users', 'Người dùng')
    expect(await page.getByRole('alert').textContent()).toBe('Bạn không có quyền làm việc này.')
    expect((await apiInPage(page, 'GET', '/api/admin/users')).status).toBe(403)
    expect((await apiInPage(page, 'GET', '/api/admin/audit-log')).status).toBe(403)
    await open('/categories', 'Chuyên mục')
    await page.getByText('Chỉ biên tập viên và quản trị viên sửa được chuyên mục.').waitFor()
    expect(await page.getByRole('button', { name: /^Sửa/ }).count()).toBe(0)
    expect((await apiInPage(page, 'POST', '/api/admin/categories', { name: 'Lén thêm' })).status).toBe(403)
    await open('/tags', 'Thẻ')
    expect(await page.getByRole('button', { name: /^Gộp/ }).count()).toBe(0)
    await page.goto(`${server().url}/admin/articles/new`)
    await page.getByRole('combobox', { name: 'Tìm tác giả' }).fill('Người mới tinh')
    await page.getByText('Không có tác giả nào khớp.').waitFor()
    expect(await page.getByRole('listbox', { name: 'Tìm tác giả' }).count()).toBe(0)
  })
})
