/**
 * A session that ends while someone is writing is renewed over the open screen
 * (sign-in dialog), not by a page change: work that failed with 401 waits here and
 * goes on once the user has signed in again.
 *
 * @example
 * if (err instanceof ApiFailure && err.status === 401) { await signedInAgain(); return retry() }
 */
let waiting: (() => void)[] = []

/** Resolves at the next successful sign-in in the dialog. */
export const signedInAgain = (): Promise<void> => new Promise((resolve) => waiting.push(resolve))

/** The dialog's sign-in succeeded: everything waiting goes on. */
export function sessionRenewed() {
  const resolve = waiting
  waiting = []
  for (const r of resolve) r()
}
