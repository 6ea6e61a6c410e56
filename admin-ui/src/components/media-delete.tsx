import { useState } from 'preact/hooks'
import { ApiFailure } from '../api'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { mediaApi, type MediaItem, type UsedBy } from '../media-api'
import { usedByOf } from '../media-in-use'
import { MediaUsedBy } from './media-used-by'

interface Props {
  item: MediaItem
  isAdmin: boolean
  onDeleted: () => void
}

/**
 * Deletes a photo after a confirmation. While articles use it the API refuses (409)
 * and they are listed; an admin may then remove it from those articles and delete it
 * (`?force=true`: cover unset, figures removed, each article a new version).
 */
export function MediaDelete({ item, isAdmin, onDeleted }: Props) {
  const t = useT()
  const [inUse, setInUse] = useState<UsedBy[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const remove = async (force: boolean) => {
    if (!confirm(t(force ? 'media.confirmForce' : 'media.confirmDelete', { name: item.filename }))) return
    setBusy(true)
    setError(null)
    try {
      await mediaApi.remove(item.id, item.version, { force })
      onDeleted()
    } catch (err) {
      // A 409 without articles (a forced delete over the API's limit, or a concurrent edit) is said as the API says it.
      const articles = err instanceof ApiFailure && err.status === 409 ? usedByOf(err) : []
      if (articles.length > 0) setInUse(articles)
      else setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="media-delete">
      {error && <p class="message error" role="alert">{error}</p>}
      {inUse && (
        <div class="message warning" role="alert" data-testid="media-in-use">
          <p>{t('media.inUse')}</p>
          <MediaUsedBy usedBy={inUse} title={t('media.inUseList')} />
          {isAdmin && (
            <button type="button" class="button danger" disabled={busy} onClick={() => void remove(true)}>
              {t('media.forceDelete')}
            </button>
          )}
        </div>
      )}
      <button type="button" class="button danger" disabled={busy} onClick={() => void remove(false)}>
        {t('media.delete')}
      </button>
    </div>
  )
}
