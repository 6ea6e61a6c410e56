import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { screenshotDir } from './screenshot-dir'

let source: Promise<string> | null = null

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe-core in the page (its source injected from node_modules: no network) and
 * answers the violations, each with the elements it names. The page's context needs
 * `bypassCSP: true`: the admin's CSP allows no inline script, which is right for the
 * app and in the way of an injected checker.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  source ??= readFile(join(createRequire(join(process.cwd(), 'package.json')).resolve('axe-core'), '../axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: await source })
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }
    const axe = (globalThis as unknown as { axe: { run: (opts: unknown) => Promise<Result> } }).axe
    const result = await axe.run({ resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** The serious and critical ones, as `id (impact): targets` lines for a failure message. */
export const seriousOf = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(', ')}`)

/** Takes a phone-width (390×844) screenshot of the page into screenshotDir(), then restores the viewport. */
export async function phoneScreenshot(page: Page, name: string) {
  const before = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(100)
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: false })
  if (before) await page.setViewportSize(before)
}
