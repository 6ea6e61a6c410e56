/**
 * The sanitizer's output rendered in real chromium (issue 13): every vector is
 * sanitized as an article body is on save, placed in a page, every link and
 * frame is clicked or loaded, and nothing may run script, open a dialog, or keep
 * a dangerous attribute the browser would honour.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sanitizeArticleHtml } from '../../worker/lib/html/sanitize'
import { closeBrowser, launchChromium } from './support/browser'

const scheme = (prefix: string) => `<a id="v" href="${prefix}javascript:window.__xss=1">bấm</a>`

const VECTORS: [string, string][] = [
  ['plain javascript:', scheme('')],
  ['\\u2028 before the scheme', scheme('\u2028')],
  ['\\u2029 before the scheme', scheme('\u2029')],
  ['NUL before the scheme', scheme('\u0000')],
  ['\\u0001 before the scheme', scheme('\u0001')],
  ['tab before the scheme', scheme('\t')],
  ['newline before the scheme', scheme('\n')],
  ['tab inside the scheme', '<a id="v" href="java\tscript:window.__xss=1">bấm</a>'],
  ['newline inside the scheme', '<a id="v" href="java\nscript:window.__xss=1">bấm</a>'],
  ['entity tab inside the scheme', '<a id="v" href="java&#x09;script:window.__xss=1">bấm</a>'],
  ['entity \\u2028 before the scheme', '<a id="v" href="&#x2028;javascript:window.__xss=1">bấm</a>'],
  ['zero-width space before the scheme', scheme('\u200b')],
  ['target without rel (opener)', '<a id="v" href="about:blank" target="tin">bấm</a>'],
  ['iframe asking for camera and microphone', '<iframe id="f" src="https://www.youtube.com/embed/x" allow="camera; microphone; geolocation"></iframe>'],
  ['onerror image', '<img src="x" onerror="window.__xss=1">'],
  ['svg onload', '<svg onload="window.__xss=1"></svg>'],
  ['script tag', '<script>window.__xss=1</script>'],
]

let browser: Browser | undefined
let page: Page

beforeAll(async () => {
  browser = await launchChromium()
  page = await browser.newPage()
  page.on('dialog', (d) => void d.dismiss())
  // Nothing leaves the machine: every request the page makes is refused.
  await page.route('**/*', (route) => route.abort())
})

afterAll(async () => {
  await closeBrowser(browser)
})

describe('XSS corpus rendered in chromium', () => {
  it.each(VECTORS)('%s', async (_, dirty) => {
    const html = sanitizeArticleHtml(dirty, { siteUrl: 'https://tin.example.vn', imageHosts: [] })
    await page.setContent(`<!doctype html><meta charset="utf-8"><body><article>${html}</article></body>`)
    const link = await page.$('a')
    if (link) {
      const facts = await link.evaluate((a: any) => ({ protocol: a.getAttribute('href') === null ? null : a.protocol, target: a.target, rel: a.rel }))
      expect(facts.protocol).not.toBe('javascript:')
      if (facts.target) expect(facts.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
      if (!facts.target) await link.click({ timeout: 2_000 }).catch(() => undefined)
    }
    const frameAllow = await page.$eval('iframe', (f) => f.getAttribute('allow')).catch(() => null)
    expect(frameAllow ?? '').not.toMatch(/camera|microphone|geolocation/)
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss ?? 0)).toBe(0)
  })
})
