import { useT } from '../i18n'
import { displayTime } from '../time'

interface Props {
  savedAt: number
  onRestore: () => void
  onDiscard: () => void
}

/** Unsaved words this browser kept from an earlier visit (a crash, a closed tab): bring them back, or let them go. */
export function BackupBanner({ savedAt, onRestore, onDiscard }: Props) {
  const t = useT()
  return (
    <div class="message warning backup-banner" role="alert" data-testid="backup-banner">
      <p>{t('backup.found', { time: displayTime(new Date(savedAt).toISOString()) })}</p>
      <button type="button" class="button small" onClick={onRestore}>
        {t('backup.restore')}
      </button>{' '}
      <button type="button" class="button small" onClick={onDiscard}>
        {t('backup.discard')}
      </button>
    </div>
  )
}
