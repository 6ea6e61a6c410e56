import { useT } from '../i18n'
import { droppedNotice } from '../paste-images'

/** What a paste left out (images not in the library), until the editor dismisses it. */
export function PasteNotice({ dropped, onDismiss }: { dropped: string[]; onDismiss: () => void }) {
  const t = useT()
  return (
    <div class="message warning paste-notice" role="status" data-testid="paste-notice">
      <p>{droppedNotice(t, dropped)}</p>
      <button type="button" class="button small" onClick={onDismiss}>
        {t('paste.dismiss')}
      </button>
    </div>
  )
}
