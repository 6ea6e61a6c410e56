import { useEffect, useMemo, useRef } from 'preact/hooks'
import type { AdminArticle } from '../api'
import type { ArticleForm } from '../form-model'
import { useT } from '../i18n'
import { articleDiff } from '../text-diff'
import { displayTime } from '../time'
import { DiffView } from './diff-view'

interface Props {
  /** The newer version someone else saved. */
  theirs: AdminArticle
  /** What this user has in the editor, unsaved. */
  mine: ArticleForm
  busy: boolean
  onKeepMine: () => void
  onTakeTheirs: () => void
}

/**
 * A 412 on save: someone saved a newer version meanwhile. Nothing is thrown away
 * until the user chooses: their text beside the server's, word by word, then
 * "keep mine" (saved over theirs as a new version; theirs stays in the history) or
 * "take theirs". A modal dialog, so it shows wherever the page was scrolled.
 */
export function ConflictDialog({ theirs, mine, busy, onKeepMine, onTakeTheirs }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const diffs = useMemo(() => articleDiff(theirs, mine), [theirs, mine])
  useEffect(() => {
    dialog.current?.showModal()
  }, [])
  return (
    <dialog ref={dialog} class="card dialog wide" aria-labelledby="conflict-title" aria-describedby="conflict-intro" data-testid="conflict" onCancel={(e) => e.preventDefault()}>
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p id="conflict-intro">{t('conflict.intro', { version: theirs.version, time: displayTime(theirs.updated_at) })}</p>
      <DiffView diffs={diffs} leftLabel={t('conflict.theirs')} rightLabel={t('conflict.mine')} />
      <div class="dialog-actions">
        <button type="button" class="button" data-action="take-theirs" disabled={busy} onClick={onTakeTheirs}>
          {t('conflict.takeTheirs')}
        </button>
        <button type="button" class="button primary" data-action="keep-mine" disabled={busy} onClick={onKeepMine}>
          {t('conflict.keepMine')}
        </button>
      </div>
    </dialog>
  )
}
