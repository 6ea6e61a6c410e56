import { SITE_TIME_ZONE } from '../time'

interface Props {
  id: string
  /** The label, with `{zone}` already filled in by the caller's t(). */
  label: (zone: string) => string
  value: string
  onInput: (value: string) => void
  error: string | null
  min?: string
  max?: string
}

/**
 * A date and time typed as a wall clock of the site's zone (whatever zone the
 * editor's computer is in), with its error announced and tied to the input.
 * Shared by the schedule and the past-date publish dialogs.
 */
export function SiteTimeField({ id, label, value, onInput, error, min, max }: Props) {
  return (
    <>
      <label for={id}>{label(SITE_TIME_ZONE)}</label>
      <input
        id={id}
        type="datetime-local"
        required
        min={min}
        max={max}
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} class="message error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
