/**
 * The hooks every admin-UI browser file needs: chromium, a fresh build of the admin
 * UI, its own `wrangler dev` with a first admin, one page; on a failed test a
 * screenshot and the tail of wrangler's output; both stopped after the file.
 *
 * @example
 * const ui = adminBrowser({ ADMIN_EMAIL: 'a@b.vn', ADMIN_PASSWORD: '…' }, '/tmp/shot.png')
 * it('…', async () => { await ui.page.goto(`${ui.server.url}/admin/`) })
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { closeBrowser, launchChromium } from './browser'
import { startWorker, type WorkerServer } from './worker-server'

export interface AdminBrowser {
  readonly server: WorkerServer
  readonly context: BrowserContext
  readonly page: Page
}

export function adminBrowser(vars: Record<string, string>, failureShot: string): AdminBrowser {
  let browser: Browser | undefined
  let server: WorkerServer | undefined
  let context: BrowserContext | undefined
  let page: Page | undefined

  beforeAll(async () => {
    browser = await launchChromium()
    await build({ configFile: 'admin-ui/vite.config.ts', logLevel: 'warn' })
    server = await startWorker(vars)
    context = await browser.newContext({ viewport: { width: 1366, height: 900 } })
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

  return {
    get server() {
      return server!
    },
    get context() {
      return context!
    },
    get page() {
      return page!
    },
  }
}
