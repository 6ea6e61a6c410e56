import { useT } from '../i18n'
import { hrefOf } from '../router'
import { displayTime } from '../time'

interface Props {
  url: string
  expiresAt: string
  onClose: () => void
}

/** The signed token is the last path segment of the API's preview URL. */
const tokenOf = (url: string) => new URL(url, location.origin).pathname.split('/').pop() ?? ''

/**
 * A fresh preview link: the admin's reader-style preview page for it (shareable:
 * it needs no session) and the raw API address, with when both stop working.
 */
export function PreviewLinkBox({ url, expiresAt, onClose }: Props) {
  const t = useT()
  const page = new URL(hrefOf({ name: 'preview', token: tokenOf(url) }), location.origin).href
  return (
    <div class="message info preview-box" role="status">
      <p>
        {t('preview.ready', { time: displayTime(expiresAt) })}{' '}
        <a href={page} target="_blank" rel="noopener" data-testid="preview-link">
          {t('preview.open')}
        </a>
      </p>
      <input class="preview-url" readOnly value={page} aria-label={t('preview.address')} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="link-button" onClick={onClose}>
        {t('preview.close')}
      </button>
    </div>
  )
}
