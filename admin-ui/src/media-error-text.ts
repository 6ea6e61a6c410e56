import { ApiFailure } from './api'
import { errorText } from './error-text'
import type { Translate } from './i18n'

/**
 * Why the library refused a file, in the UI's language and naming the file: too big
 * (413), not an accepted image (415: the server's message says what it found, e.g. an
 * HTML page renamed .jpg), or an image it cannot read (422); anything else as any
 * other failed call.
 */
export function uploadErrorText(t: Translate, error: unknown, file: { name: string }): string {
  if (!(error instanceof ApiFailure)) return errorText(t, error)
  const name = file.name
  if (error.status === 413) return t('upload.tooBig', { name })
  if (error.status === 415) return t('upload.unsupported', { name, message: error.message })
  if (error.status === 422) return t('upload.unreadable', { name, message: error.message })
  return `${name}: ${errorText(t, error)}`
}
