import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../i18n'
import { fromLocalInput, toLocalInput } from '../time'
import { SiteTimeField } from './site-time-field'

interface Props {
  /** The time already scheduled, if any (ISO). */
  current: string | null
  onConfirm: (atIso: string) => void
  onClose: () => void
}

/** A rounded time an hour from now: a sensible default for a slot on the home page. */
function nextSlot(): string {
  const ms = Date.now() + 60 * 60_000
  return new Date(Math.ceil(ms / (5 * 60_000)) * 5 * 60_000).toISOString()
}

/**
 * Picks when to publish, as a wall-clock time of the site's zone (Asia/Ho_Chi_Minh),
 * whatever zone the editor's computer is in. A native modal <dialog>: focus stays
 * inside, Escape closes.
 */
export function ScheduleDialog({ current, onConfirm, onClose }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [value, setValue] = useState(() => toLocalInput(current && Date.parse(current) > Date.now() ? current : nextSlot()))
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const submit = (e: Event) => {
    e.preventDefault()
    const at = fromLocalInput(value)
    if (!at || Date.parse(at) <= Date.now()) return setError(t('schedule.past'))
    onConfirm(at)
  }

  return (
    <dialog ref={dialog} class="card dialog" aria-labelledby="schedule-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="schedule-title">{t('schedule.title')}</h2>
        <SiteTimeField
          id="schedule-at"
          label={(zone) => t('schedule.at', { zone })}
          min={toLocalInput(new Date().toISOString())}
          value={value}
          error={error}
          onInput={(v) => {
            setValue(v)
            setError(null)
          }}
        />
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>
            {t('schedule.cancel')}
          </button>
          <button type="submit" class="button primary">
            {t('schedule.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
