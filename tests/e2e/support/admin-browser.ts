/**
 * The frame of an admin UI browser test: chromium, the admin UI built, `wrangler dev`
 * with `vars`, one page (15 s per step, confirm dialogs accepted); on a failed test a
 * full-page screenshot and the end of wrangler's output; everything stopped after.
 *
 * @example
 * const ui = useAdminBrowser({ ADMIN_EMAIL, ADMIN_PASSWORD }, '/tmp/tin-admin-x-failure.png')
 * it('signs in', async () => { await ui.page().goto(`${ui.server().url}/admin/`) })
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { closeBrowser, launchChromium } from './browser'
import { startWorker, type WorkerServer } from './worker-server'

export interface AdminBrowserOptions {
  /** For files that inject a checker (axe): the app's CSP allows no inline script. */
  bypassCSP?: boolean
  /** The editor's computer, e.g. in Paris, so site-time handling is tested for real. */
  timezoneId?: string
  locale?: string
}

export function useAdminBrowser(vars: Record<string, string>, failureShot: string, options: AdminBrowserOptions = {}) {
  let browser: Browser | undefined
  let server: WorkerServer | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined

  beforeAll(async () => {
    browser = await launchChromium()
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
    server = await startWorker(vars)
    context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options })
    page = await context.newPage()
    page.setDefaultTimeout(15_000)
    page.on('dialog', (d) => void d.accept())
  })

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !page) return
    await page.screenshot({ path: failureShot, fullPage: true }).catch(() => {})
    console.error(`${task.name}: screenshot in ${failureShot}; wrangler said:\n${server?.output().slice(-3000)}`)
  })

  afterAll(async () => {
    await closeBrowser(browser)
    await server?.stop()
  })

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`no ${what}: see the beforeAll failure`)
    return value
  }
  return { page: () => ready(page, 'page'), context: () => ready(context, 'browser context'), server: () => ready(server, 'server') }
}
