import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookInput } from '../webhooks-api'

interface Props {
  initial?: WebhookInput
  submitLabel: string
  busy: boolean
  onSubmit: (input: WebhookInput) => void
  onCancel?: () => void
}

/** URL, description, the events to send and the active switch: for creating and for editing a webhook. */
export function WebhookForm({ initial, submitLabel, busy, onSubmit, onCancel }: Props) {
  const t = useT()
  const [url, setUrl] = useState(initial?.url ?? 'https://')
  const [description, setDescription] = useState(initial?.description ?? '')
  const [events, setEvents] = useState<WebhookEvent[]>(initial?.events ?? [...WEBHOOK_EVENTS])
  const [active, setActive] = useState(initial?.active ?? true)
  const toggle = (e: WebhookEvent) => setEvents((list) => (list.includes(e) ? list.filter((x) => x !== e) : WEBHOOK_EVENTS.filter((x) => x === e || list.includes(x))))

  return (
    <form
      class="webhook-form"
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit({ url: url.trim(), description, events, active })
      }}
    >
      <label>
        {t('webhooks.url')}
        <input type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://doi-tac.example.vn/webhooks/tin" />
      </label>
      <label>
        {t('webhooks.description')}
        <input value={description} maxLength={500} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} class="check">
            <input type="checkbox" checked={events.includes(e)} onChange={() => toggle(e)} /> <code>{e}</code> — {t(`webhooks.event.${e}`)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} /> {t('webhooks.active')}
      </label>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || events.length === 0}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('webhooks.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
