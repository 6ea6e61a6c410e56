/**
 * An automated accessibility check (axe-core, injected from node_modules) of the
 * screens the other browser files do not already check: sign-in, the photo library
 * with a photo selected, the photo picker in the editor, API keys and webhooks.
 * Serious and critical violations fail; every finding is printed for the record.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { pngBytes } from '../helpers/images'
import { axeViolations, seriousOf } from './support/axe'
import { useAdminBrowser } from './support/admin-browser'
import { signIn } from './support/admin-page'

const ADMIN = { email: 'kiemtra@toasoan.vn', password: 'mat-khau-kiem-tra-2024' }
const ui = useAdminBrowser({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }, '/tmp/tin-admin-a11y-failure.png', { bypassCSP: true })
const report: string[] = []

async function check(name: string) {
  const violations = await axeViolations(ui.page())
  report.push(`${name}: ${violations.map((v) => `${v.id} (${v.impact})`).join(', ') || 'none'}`)
  expect(seriousOf(violations), name).toEqual([])
}

describe('accessibility of the remaining admin screens', () => {
  afterAll(() => console.warn(`axe findings:\n${report.join('\n')}`))

  it('sign-in', async () => {
    await ui.page().goto(`${ui.server().url}/admin/`)
    await ui.page().getByLabel('Email').waitFor()
    await check('sign-in')
    expect(await signIn(ui.page(), ADMIN.email, ADMIN.password)).toBe(200)
  })

  it('the photo library with a photo selected', async () => {
    const page = ui.page()
    await page.goto(`${ui.server().url}/admin/media`)
    const png = Buffer.from(await pngBytes({ width: 320, height: 200, variant: 7 }))
    await page.locator('input[type=file]').first().setInputFiles({ name: 'mua-lu-da-nang.png', mimeType: 'image/png', buffer: png })
    await page.getByText('mua-lu-da-nang.png').first().click()
    await page.getByLabel(/Mô tả ảnh \(alt\)/).first().waitFor()
    await check('media library')
  })

  it('the photo picker in the editor', async () => {
    const page = ui.page()
    await page.goto(`${ui.server().url}/admin/articles/new`)
    await page.getByRole('button', { name: /ảnh/i }).first().click()
    await page.getByRole('dialog').waitFor()
    await check('photo picker')
    await page.keyboard.press('Escape')
  })

  it('API keys and webhooks', async () => {
    const page = ui.page()
    for (const [path, name] of [['/admin/api-keys', 'API keys'], ['/admin/webhooks', 'webhooks']]) {
      await page.goto(`${ui.server().url}${path}`)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await check(name!)
    }
  })
})
