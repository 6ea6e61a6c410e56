import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Where browser tests put their screenshots. A normal run writes to test-results/
 * (ignored), so `npm test` never dirties the tree; `UPDATE_SCREENSHOTS=1 npm run
 * test:e2e` refreshes the committed ones the README shows (tests/e2e/screenshots/).
 */
export function screenshotDir(): string {
  const dir = join(process.cwd(), process.env.UPDATE_SCREENSHOTS === '1' ? 'tests/e2e/screenshots' : 'test-results/screenshots')
  mkdirSync(dir, { recursive: true })
  return dir
}
