import { chromium, type Browser } from 'playwright-core'

/** Debian's chromium (apt-get install chromium); playwright-core never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: 30_000,
  })

/** Closes the browser, and gives up waiting after a while (Playwright kills it when Node exits anyway). */
export async function closeBrowser(browser: Browser | undefined) {
  if (!browser) return
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))])
}
