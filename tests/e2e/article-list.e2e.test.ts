/**
 * Finding articles in chromium: the accent-insensitive search box, filters by
 * category, byline, status and dates, the three orders, the published-time column in
 * site time, all of it in the URL (a reload or a shared link shows the same list);
 * permanent delete from the trash for admins. Axe and a phone-width screenshot too.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { apiInPage, signIn } from './support/admin-page'
import { axeViolations, phoneScreenshot, seriousOf } from './support/axe'
import { useAdminBrowser } from './support/admin-browser'

const ADMIN = { email: 'tongbientap@toasoan.vn', password: 'mat-khau-danh-sach-2024' }
const FAILURE = '/tmp/tin-admin-list-failure.png'

const ui = useAdminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, FAILURE, { timezoneId: 'Europe/Paris', locale: 'fr-FR', bypassCSP: true })
let page: Page
const server = () => ui.server()
const ids: Record<string, number> = {}
const cats: Record<string, number> = {}
const authors: Record<string, number> = {}

/** Titles of the rows shown, top to bottom, once the list has loaded. */
async function titles() {
  await page.locator('tbody[aria-busy=false]').waitFor()
  return page.locator('table.articles tbody .title-cell a').allTextContents()
}

describe('the article list in chromium', () => {
  beforeAll(async () => {
    page = ui.page()
    await page.goto(`${server().url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)

    for (const name of ['Thời sự', 'Kinh tế']) cats[name] = (await apiInPage(page, 'POST', '/api/admin/categories', { name })).body.data.id
    for (const name of ['Lê Văn Bình', 'Phạm Thu Hà']) authors[name] = (await apiInPage(page, 'POST', '/api/admin/authors', { name })).body.data.id
    const seed = [
      { key: 'langson', title: 'Lạng Sơn: mưa đá phủ trắng đường', cat: 'Thời sự', author: 'Lê Văn Bình', at: '2017-04-18T09:35:00+07:00' },
      { key: 'vang', title: 'Giá vàng tăng mạnh phiên đầu tuần', cat: 'Kinh tế', author: 'Phạm Thu Hà', at: '2020-05-01T08:00:00+07:00' },
      { key: 'danang', title: 'Đà Nẵng ngập sâu sau mưa lớn', cat: 'Thời sự', author: 'Phạm Thu Hà', at: null },
    ]
    for (const s of seed) {
      const created = await apiInPage(page, 'POST', '/api/admin/articles', { title: s.title, summary: `Sapo: ${s.title}`, category_id: cats[s.cat], author_ids: [authors[s.author]] })
      expect(created.status).toBe(201)
      ids[s.key] = created.body.data.id
      if (s.at) expect((await apiInPage(page, 'POST', `/api/admin/articles/${ids[s.key]}/publish`, { published_at: s.at })).status).toBe(200)
    }
  })

  it('shows a published-time column in site time and names the tab', async () => {
    await page.goto(`${server().url}/admin/`)
    expect(await titles()).toHaveLength(3)
    const row = page.locator('tr', { has: page.getByRole('link', { name: 'Lạng Sơn: mưa đá phủ trắng đường' }) })
    expect(await row.locator('td').nth(3).textContent()).toBe('09:35 18/04/2017')
    expect(await page.title()).toBe('Bài viết · Tin Edge')
  })

  it('searches without accents, keeps the search in the URL, and a reload shows the same list', async () => {
    await page.getByRole('searchbox', { name: 'Tìm bài' }).fill('lang son')
    await page.getByRole('button', { name: 'Tìm', exact: true }).click()
    await expect.poll(titles).toEqual(['Lạng Sơn: mưa đá phủ trắng đường'])
    expect(new URL(page.url()).search).toBe('?q=lang+son')
    await page.reload()
    expect(await page.getByRole('searchbox', { name: 'Tìm bài' }).inputValue()).toBe('lang son')
    expect(await titles()).toEqual(['Lạng Sơn: mưa đá phủ trắng đường'])
    await page.getByRole('button', { name: 'Xóa bộ lọc' }).click()
    await expect.poll(titles).toHaveLength(3)
  })

  it('filters by category and byline, shareable: a fresh tab on the URL shows the same', async () => {
    await page.getByLabel('Chuyên mục').selectOption({ label: 'Thời sự' })
    await expect.poll(titles).toEqual(['Đà Nẵng ngập sâu sau mưa lớn', 'Lạng Sơn: mưa đá phủ trắng đường'])
    await page.getByLabel('Tác giả').selectOption({ label: 'Phạm Thu Hà' })
    await expect.poll(titles).toEqual(['Đà Nẵng ngập sâu sau mưa lớn'])
    const shared = page.url()
    expect(new URL(shared).search).toBe(`?category=${cats['Thời sự']}&author=${authors['Phạm Thu Hà']}`)
    const other = await page.context().newPage()
    await other.goto(shared)
    await other.locator('tbody[aria-busy=false]').waitFor()
    expect(await other.locator('table.articles tbody .title-cell a').allTextContents()).toEqual(['Đà Nẵng ngập sâu sau mưa lớn'])
    expect(await other.getByLabel('Tác giả').inputValue()).toBe(String(authors['Phạm Thu Hà']))
    await other.close()
  })

  it('sorts by publication time and bounds it by a date range in site days', async () => {
    await page.goto(`${server().url}/admin/?sort=-published_at`)
    expect(await titles()).toEqual(['Giá vàng tăng mạnh phiên đầu tuần', 'Lạng Sơn: mưa đá phủ trắng đường'])
    await page.getByLabel('Từ ngày').fill('2017-04-18')
    await page.getByLabel('Đến ngày').fill('2017-04-18')
    await expect.poll(titles).toEqual(['Lạng Sơn: mưa đá phủ trắng đường'])
    expect(new URL(page.url()).search).toBe('?since=2017-04-18&until=2017-04-18&sort=-published_at')
    await page.getByLabel('Sắp xếp').selectOption('-views')
    await expect.poll(titles).toEqual(['Lạng Sơn: mưa đá phủ trắng đường'])
  })

  it('has no serious accessibility violations, and fits a phone', async () => {
    await page.goto(`${server().url}/admin/?category=${cats['Thời sự']}`)
    await titles()
    const violations = await axeViolations(page)
    console.warn(`axe, article list: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`)
    expect(seriousOf(violations)).toEqual([])
    await phoneScreenshot(page, 'article-list')
  })

  it('lets an admin delete a trashed article for good', async () => {
    const current = await apiInPage(page, 'GET', `/api/admin/articles/${ids.danang}`)
    expect((await apiInPage(page, 'DELETE', `/api/admin/articles/${ids.danang}`, undefined, { 'If-Match': `"${current.body.data.version}"` })).status).toBe(200)
    await page.goto(`${server().url}/admin/trash`)
    expect(await titles()).toEqual(['Đà Nẵng ngập sâu sau mưa lớn'])
    await page.getByRole('button', { name: 'Xóa vĩnh viễn Đà Nẵng ngập sâu sau mưa lớn' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã xóa vĩnh viễn “Đà Nẵng ngập sâu sau mưa lớn”.')
    expect((await apiInPage(page, 'GET', `/api/admin/articles/${ids.danang}`)).status).toBe(404)
    expect(await page.title()).toBe('Thùng rác · Tin Edge')
  })
})
