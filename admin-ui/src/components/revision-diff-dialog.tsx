import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../api'
import { errorText } from '../error-text'
import type { ArticleForm } from '../form-model'
import { useT } from '../i18n'
import { articleDiff, type ArticleText, type FieldDiff } from '../text-diff'
import { DiffView } from './diff-view'

interface Props {
  articleId: number
  version: number
  /** The text the editor shows now. */
  current: ArticleForm
  canRestore: boolean
  onRestore: (version: number) => void
  onClose: () => void
}

/** The snapshot's text fields, whatever an old snapshot lacks read as empty. */
const textOf = (snapshot: Record<string, unknown>): ArticleText => ({
  title: typeof snapshot.title === 'string' ? snapshot.title : '',
  summary: typeof snapshot.summary === 'string' ? snapshot.summary : '',
  body_html: typeof snapshot.body_html === 'string' ? snapshot.body_html : '',
})

/** One saved version against the current text, word by word, before choosing to restore it. */
export function RevisionDiffDialog({ articleId, version, current, canRestore, onRestore, onClose }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [diffs, setDiffs] = useState<FieldDiff[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
    api.getRevision(articleId, version).then(
      (res) => setDiffs(articleDiff(textOf(res.data.snapshot), current)),
      (err) => setError(errorText(t, err)),
    )
    // The version's text is fetched once; `current` is what the editor showed when opened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, version])

  return (
    <dialog ref={dialog} class="card dialog wide" aria-labelledby="revision-diff-title" onClose={onClose} data-testid="revision-diff">
      <h2 id="revision-diff-title">{t('revisions.diffTitle', { version })}</h2>
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      {!diffs && !error && <p aria-busy="true">{t('list.loading')}</p>}
      {diffs && <DiffView diffs={diffs} leftLabel={t('revisions.item', { version })} rightLabel={t('revisions.currentText')} />}
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => dialog.current?.close()}>
          {t('preview.close')}
        </button>
        {canRestore && (
          <button
            type="button"
            class="button primary"
            onClick={() => {
              dialog.current?.close()
              onRestore(version)
            }}
          >
            {t('revisions.restoreLabel', { version })}
          </button>
        )}
      </div>
    </dialog>
  )
}
