import { ApiFailure } from './api'
import type { Translate } from './i18n'

/**
 * What an editor reads when a call fails: the network, their role, a state conflict
 * or invalid fields, each in the UI's language; the server's own message where it
 * says something specific (it is English).
 */
export function errorText(t: Translate, error: unknown): string {
  if (!(error instanceof ApiFailure)) return t('error.generic', { status: '?', message: String(error) })
  if (error.status === 0) return t('error.network')
  if (error.status === 403) return t('error.forbidden')
  if (error.status === 409) return t('error.conflict', { message: error.message })
  if (error.status === 400 && error.details.length > 0) {
    return t('error.invalid', { details: error.details.map((d) => `${d.path.replace(/^json\./, '')} ${d.message}`).join('; ') })
  }
  return t('error.generic', { status: error.status, message: error.message })
}
