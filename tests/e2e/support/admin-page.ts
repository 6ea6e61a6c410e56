import type { Page } from 'playwright-core'

/**
 * Fills the sign-in form, waits for the API's answer and for the screen to take it
 * in (the form enabled again, or the app shown); returns the answer's status.
 */
export async function signIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel(/^(Mật khẩu|Password)$/).fill(password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/admin/session') && r.request().method() === 'POST'),
    page.getByRole('button', { name: /^(Đăng nhập|Sign in)$/ }).click(),
  ])
  // The form clears the password after a failure: typing the next one before that
  // would be wiped, and the empty required field would block the next try.
  await page.locator('.login-card button[type=submit]:not([disabled]), [data-testid=who-am-i]').first().waitFor()
  return response.status()
}

/**
 * Calls the admin API from inside the signed-in page, as the app does (the session
 * cookie and Origin come from the browser): what "someone else" does meanwhile.
 */
export function apiInPage(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const res = await fetch(path, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json().catch(() => null)) as any }
    },
    { method, path, body, headers },
  )
}

/** `09:35 18/04/2017` from `2017-04-18T09:35:00+07:00`: the wall time the API's offset already gives. */
export const displayOf = (zonedIso: string) => {
  const [, y, mo, d, h, mi] = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(zonedIso)!
  return `${h}:${mi} ${d}/${mo}/${y}`
}
