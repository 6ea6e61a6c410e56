/**
 * The webhooks screen in a real browser against `wrangler dev` (offline, with
 * WEBHOOK_ALLOW_PRIVATE=1 so it may deliver to a receiver on 127.0.0.1): an admin
 * registers a partner's endpoint, sees the secret once, sends a test delivery and
 * sees it succeeded with its response code, publishes an article and sees that
 * delivery, and edits the events.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyTinSignature } from '../../docs/examples/verify-webhook.mjs'
import { startReceiver } from '../blackbox/support/webhook-receiver'
import { apiInPage, signIn } from './support/admin-page'
import { useAdminBrowser } from './support/admin-browser'
import type { WorkerServer } from './support/worker-server'

const ADMIN = { email: 'quantri@toasoan.vn', password: 'mat-khau-webhook-2024' }
const FAILURE_SHOT = '/tmp/tin-admin-webhooks-failure.png'

let server: WorkerServer | undefined
let page: Page
let receiver: Awaited<ReturnType<typeof startReceiver>>
let secret = ''

const rows = () => page.locator('.webhook-deliveries tbody tr')

describe('the webhooks screen', () => {
  const ui = useAdminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, WEBHOOK_ALLOW_PRIVATE: '1' }, FAILURE_SHOT)
  beforeAll(async () => {
    receiver = await startReceiver()
    ;[server, page] = [ui.server(), ui.page()]
  })
  afterAll(() => receiver?.close())

  it('registers a webhook and shows its secret once', async () => {
    await page.goto(`${server!.url}/admin/`)
    expect(await signIn(page, ADMIN.email, ADMIN.password)).toBe(200)
    await page.getByRole('link', { name: 'Webhook', exact: true }).click()
    await page.getByRole('heading', { name: 'Webhook cho đối tác' }).waitFor()
    await page.getByText('Chưa có webhook nào.').waitFor()
    await page.getByRole('button', { name: 'Thêm webhook' }).click()
    await page.getByLabel('Địa chỉ nhận (URL)').fill(receiver.url('ui'))
    await page.getByLabel('Ghi chú').fill('Cổng tin đối tác')
    await page.getByRole('button', { name: 'Tạo webhook' }).click()
    secret = await page.getByTestId('webhook-secret').inputValue()
    expect(secret).toMatch(/^whsec_/)
    await page.getByRole('button', { name: 'Tôi đã lưu khoá' }).click()
    expect(await page.getByTestId('webhook-secret').count()).toBe(0)
    await expect.poll(() => page.locator('.webhook-item .meta').textContent()).toContain('Bật · 4 sự kiện · ' + secret.slice(0, 10))
  })

  it('sends a test delivery and lists it as succeeded with response 200', async () => {
    await page.getByRole('button', { name: 'Gửi thử' }).click()
    await expect.poll(() => rows().first().textContent()).toContain('thành công')
    expect(await rows().first().textContent()).toContain('ping')
    expect(await rows().first().textContent()).toContain('200')
    const [ping] = await receiver.until('ui', 1)
    expect(verifyTinSignature(secret, ping!.raw, ping!.headers['tin-signature'] as string)).toBe(true)
  })

  it('shows the article.published delivery of an article published meanwhile', async () => {
    const created = await apiInPage(page, 'POST', '/api/admin/articles', { title: 'Tin gửi tới đối tác' })
    expect((await apiInPage(page, 'POST', `/api/admin/articles/${created.body.data.id}/publish`, {}, { 'If-Match': '"1"' })).status).toBe(200)
    await receiver.until('ui', 2)
    await page.getByRole('button', { name: 'Tải lại' }).click()
    await expect.poll(() => rows().first().textContent()).toContain(`article.published #${created.body.data.id}`)
  })

  it('edits the events and turns the webhook off', async () => {
    await page.getByRole('checkbox', { name: /article\.updated/ }).first().uncheck()
    await page.getByRole('checkbox', { name: 'Đang bật' }).first().uncheck()
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await expect.poll(() => page.locator('.webhook-item .meta').textContent()).toContain('Tắt · 3 sự kiện')
    await page.screenshot({ path: '/tmp/tin-admin-webhooks.png', fullPage: true })
    const hooks = await apiInPage(page, 'GET', '/api/admin/webhooks')
    expect(hooks.body.data[0]).toMatchObject({ active: false, events: ['article.published', 'article.unpublished', 'article.deleted'], version: 2 })
  })
})
