import { useEffect, useRef, useState } from 'preact/hooks'
import { backupKey, clearBackup, pruneBackups, readBackup, writeBackup, type DraftBackup } from '../draft-backup'
import { isDirty, type ArticleForm } from '../form-model'

/** How long typing pauses before the form is copied to this browser's storage. */
const WRITE_DELAY_MS = 700

interface Options {
  userId: number
  /** null for a new article. */
  articleId: number | null
  version: number | null
  loading: boolean
  form: ArticleForm
  dirty: boolean
}

/**
 * This browser's copy of the unsaved form (draft-backup.ts): once the article has
 * loaded, an older copy that differs from it is offered back; afterwards the form
 * is copied while it has unsaved edits (and at once when the tab closes), and the
 * copy goes when the form is clean again, i.e. after a successful save.
 */
export function useDraftBackup({ userId, articleId, version, loading, form, dirty }: Options) {
  const key = backupKey(userId, articleId)
  const [offer, setOffer] = useState<DraftBackup | null>(null)
  const [checked, setChecked] = useState(false)
  const pending = useRef<DraftBackup | null>(null)

  useEffect(() => {
    if (loading || checked) return
    pruneBackups()
    const found = readBackup(key)
    if (found && isDirty(form, found.form)) setOffer(found)
    else clearBackup(key)
    setChecked(true)
    // Checked once, against the form as loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loading])

  // While an older copy waits for an answer it is not overwritten.
  const writing = checked && offer === null
  useEffect(() => {
    if (!writing) return
    if (!dirty) {
      pending.current = null
      clearBackup(key)
      return
    }
    pending.current = { savedAt: Date.now(), baseVersion: version, form }
    const timer = setTimeout(() => {
      if (pending.current) writeBackup(key, { ...pending.current, savedAt: Date.now() })
      pending.current = null
    }, WRITE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [writing, dirty, form, key, version])

  // A closing tab does not wait for the pause.
  useEffect(() => {
    const flush = () => {
      if (pending.current) writeBackup(key, { ...pending.current, savedAt: Date.now() })
    }
    window.addEventListener('pagehide', flush)
    return () => {
      flush()
      window.removeEventListener('pagehide', flush)
    }
  }, [key])

  return {
    offer,
    /** The offered copy was taken (it stays stored until saved) or refused (removed). */
    settleOffer: (taken: boolean) => {
      if (!taken) clearBackup(key)
      setOffer(null)
    },
    /** A save went through: no copy is needed under this key (nor under "new" for a first save). */
    clear: () => {
      pending.current = null
      clearBackup(key)
    },
  }
}
