/**
 * The API keys screen in a real browser against a real `wrangler dev` (local D1,
 * KV and the emulated rate-limit bindings, offline): an admin creates a summary-only
 * key, sees the secret once, the key reads the public API (fetched from the test,
 * as a partner would), the admin revokes it, and the next request is refused.
 */
import { describe, expect, it } from 'vitest'
import { useAdminBrowser } from './support/admin-browser'
import { apiInPage, signIn } from './support/admin-page'

const ADMIN = { email: 'khoa@toasoan.vn', password: 'mat-khau-khoa-api-2024' }
const ui = useAdminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, '/tmp/tin-admin-api-keys-failure.png')

let secret = ''
let articleId = 0

const asPartner = (path: string, key: string) => fetch(`${ui.server().url}${path}`, { headers: { 'X-Api-Key': key } })

describe('API keys screen', () => {
  it('creates a summary-only key and shows its secret once', async () => {
    const page = ui.page()
    await page.goto(`${ui.server().url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
    const created = await apiInPage(page, 'POST', '/api/admin/articles', { title: 'Khóa API: bài cho đối tác', body_html: '<p>Toàn văn chỉ cho khóa đầy đủ.</p>' })
    articleId = created.body.data.id
    expect((await apiInPage(page, 'POST', `/api/admin/articles/${articleId}/publish`, {}, { 'If-Match': `"${created.body.data.version}"` })).status).toBe(200)

    await page.getByRole('link', { name: 'Khóa API' }).click()
    await page.getByLabel('Tên', { exact: true }).fill('Cổng tin đối tác')
    await page.getByLabel('Nội dung', { exact: true }).selectOption('summary')
    await page.getByRole('button', { name: 'Tạo khóa' }).click()
    const box = page.getByTestId('api-key-secret')
    await expect.poll(() => box.textContent()).toContain('không xem lại được')
    secret = await page.getByTestId('api-key-secret-value').inputValue()
    expect(secret).toMatch(/^tin_key_[A-Za-z0-9_-]{43}$/)
    await page.getByRole('button', { name: 'Tôi đã lưu khóa' }).click()
    await expect.poll(() => box.count()).toBe(0)
    const list = await page.getByTestId('api-key-list').textContent()
    expect(list).toContain('Cổng tin đối tác')
    expect(list).toContain(secret.slice(0, 12))
    expect(list).not.toContain(secret)
  })

  it('reads the public API with the key, within its scope', async () => {
    const res = await asPartner(`/api/v1/articles/${articleId}`, secret)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { data: Record<string, unknown> }
    expect(body.data.title).toBe('Khóa API: bài cho đối tác')
    expect(body.data).not.toHaveProperty('body_html')
  })

  it('revokes the key after a confirmation, and the next request is refused', async () => {
    const page = ui.page()
    await page.getByRole('button', { name: 'Lượt dùng' }).first().click()
    await page.getByTestId('api-key-usage').getByRole('button', { name: 'Thu hồi' }).click()
    await expect.poll(() => page.getByTestId('api-key-list').textContent()).toContain('đã thu hồi')
    const res = await asPartner(`/api/v1/articles/${articleId}`, secret)
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/revoked/)
  })
})
