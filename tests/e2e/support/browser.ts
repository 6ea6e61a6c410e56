import { chromium, type Browser } from 'playwright-core'
import { npmChromium } from './npm-chromium'

/** Our flags only: @sparticuz/chromium's `args` are for AWS Lambda (--single-process, --disable-web-security…) and none is needed here. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
const DEBIAN_CHROMIUM = '/usr/bin/chromium'
const INSTALL = 'run `npm install` (it brings @sparticuz/chromium), or `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary'

interface Candidate {
  source: string
  locate: () => Promise<{ executablePath: string; env?: Record<string, string> }>
}

/**
 * Where the browser comes from, in order. CHROMIUM_PATH, when set, is the only
 * choice: a path someone typed that does not work is an error to show, not a reason
 * to test with another browser. Otherwise the one npm installed, then Debian's.
 */
function candidates(): Candidate[] {
  const chosen = process.env.CHROMIUM_PATH
  if (chosen) return [{ source: 'CHROMIUM_PATH', locate: async () => ({ executablePath: chosen }) }]
  return [
    { source: '@sparticuz/chromium', locate: () => npmChromium() },
    { source: 'Debian', locate: async () => ({ executablePath: DEBIAN_CHROMIUM }) },
  ]
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim()

/**
 * Launches the first Chromium that starts and says which one it was (one line on
 * stderr, so a CI log shows what the tests ran in). When none starts, fails with one
 * line naming what to install and why each choice failed; playwright-core never
 * downloads a browser.
 */
export async function launchChromium(): Promise<Browser> {
  const failures: string[] = []
  for (const { source, locate } of candidates()) {
    try {
      const { executablePath, env } = await locate()
      const browser = await chromium.launch({ executablePath, env: { ...process.env, ...env }, args: FLAGS, timeout: 30_000 })
      console.warn(`Browser tests run in Chromium ${browser.version()} from ${source}: ${executablePath}`)
      return browser
    } catch (err) {
      failures.push(`${source}: ${firstLine(err)}`)
    }
  }
  const error = new Error(`No Chromium for the browser tests: ${INSTALL} (${failures.join('; ')})`)
  error.stack = `Error: ${error.message}`
  throw error
}

/** Closes the browser, and gives up waiting after a while (Playwright kills it when Node exits anyway). */
export async function closeBrowser(browser: Browser | undefined) {
  if (!browser) return
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))])
}
