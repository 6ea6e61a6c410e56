import { useState } from 'preact/hooks'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { webhooksApi, type Webhook, type WebhookInput } from '../webhooks-api'
import { WebhookForm } from './webhook-form'

interface Props {
  hook: Webhook
  open: boolean
  onToggle: () => void
  onSaved: (hook: Webhook) => void
  onDeleted: (id: number) => void
  onSecret: (secret: string) => void
}

/** One webhook in the list: its URL and events; opened, the form to edit it, rotate its secret or delete it. */
export function WebhookItem({ hook, open, onToggle, onSaved, onDeleted, onSecret }: Props) {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(errorText(t, err))
    }
    setBusy(false)
  }
  const save = (input: WebhookInput) => run(async () => onSaved((await webhooksApi.update(hook.id, hook.version, input)).data))
  const rotate = () =>
    run(async () => {
      if (!confirm(t('webhooks.confirmRotate'))) return
      const { secret, ...rest } = (await webhooksApi.rotateSecret(hook.id)).data
      onSaved(rest)
      onSecret(secret)
    })
  const remove = () =>
    run(async () => {
      if (!confirm(t('webhooks.confirmDelete', { url: hook.url }))) return
      await webhooksApi.remove(hook.id, hook.version)
      onDeleted(hook.id)
    })

  return (
    <article class="webhook-item" data-active={hook.active}>
      <button type="button" class="link-button" aria-expanded={open} onClick={onToggle}>
        <code>{hook.url}</code>
      </button>
      <span class="meta">
        {hook.active ? t('webhooks.on') : t('webhooks.off')} · {hook.events.length} {t('webhooks.eventCount')} · {hook.secret_hint}…
        {hook.description && ` · ${hook.description}`}
      </span>
      {error && <p class="error" role="alert">{error}</p>}
      {open && (
        <>
          <WebhookForm key={hook.version} initial={{ url: hook.url, description: hook.description, events: hook.events, active: hook.active }} submitLabel={t('webhooks.save')} busy={busy} onSubmit={save} />
          <div class="actions">
            <button type="button" class="button small" onClick={rotate} disabled={busy}>
              {t('webhooks.rotate')}
            </button>
            <button type="button" class="button small danger" onClick={remove} disabled={busy}>
              {t('webhooks.delete')}
            </button>
          </div>
        </>
      )}
    </article>
  )
}
