import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../i18n'
import { displayTime, fromLocalInput, toLocalInput } from '../time'
import { SiteTimeField } from './site-time-field'

interface Props {
  title: string
  onConfirm: (publishedAtIso: string) => void
  onClose: () => void
}

/**
 * Publishes with a publish time in the past (an archive, an imported story): the
 * time as a wall clock of the site's zone, then a second step that spells out what
 * will happen before anything does. A future time belongs to "schedule".
 */
export function PublishDatedDialog({ title, onConfirm, onClose }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const submit = (e: Event) => {
    e.preventDefault()
    if (confirming) return onConfirm(confirming)
    const at = fromLocalInput(value)
    if (!at) return setError(t('publishDated.invalid'))
    if (Date.parse(at) > Date.now()) return setError(t('publishDated.future'))
    setConfirming(at)
  }

  return (
    <dialog ref={dialog} class="card dialog" aria-labelledby="publish-dated-title" onClose={onClose} data-testid="publish-dated">
      <form onSubmit={submit}>
        <h2 id="publish-dated-title">{t('publishDated.title')}</h2>
        {confirming ? (
          <p role="alert" data-testid="publish-dated-confirm">
            {t('publishDated.confirm', { title, time: displayTime(confirming) })}
          </p>
        ) : (
          <SiteTimeField
            id="publish-dated-at"
            label={(zone) => t('publishDated.at', { zone })}
            max={toLocalInput(new Date().toISOString())}
            value={value}
            error={error}
            onInput={(v) => {
              setValue(v)
              setError(null)
            }}
          />
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => (confirming ? setConfirming(null) : dialog.current?.close())}>
            {confirming ? t('publishDated.back') : t('schedule.cancel')}
          </button>
          <button type="submit" class="button primary">
            {confirming ? t('publishDated.yes') : t('publishDated.next')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
