import { ApiFailure } from './api'
import { errorText } from './error-text'
import type { Translate } from './i18n'

/** A failed sign-in as the user reads it: a wrong email and a wrong password read the same; a lock-out says how long to wait. */
export function signInErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiFailure && err.status === 429) return t('login.locked', { minutes: Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60)) })
  if (err instanceof ApiFailure && (err.status === 401 || err.status === 400)) return t('login.wrong')
  return errorText(t, err)
}
