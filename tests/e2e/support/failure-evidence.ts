import type { Page } from 'playwright-core'
import type { WorkerServer } from './worker-server'

/**
 * After a failed test: a full-page screenshot of what the browser showed and the
 * tail of what wrangler logged, so a CI failure can be read without re-running it.
 *
 * @example
 * afterEach(({ task }) => leaveEvidence(task, page, server, '/tmp/tin-editor-failure.png'))
 */
export async function leaveEvidence(task: { name: string; result?: { state?: string } }, page: Page | undefined, server: WorkerServer | undefined, path: string) {
  if (task.result?.state !== 'fail' || !page) return
  await page.screenshot({ path, fullPage: true }).catch(() => {})
  console.error(`${task.name}: screenshot in ${path}; wrangler said:\n${server?.output().slice(-3000)}`)
}
