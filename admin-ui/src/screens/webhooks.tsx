import { useEffect, useState } from 'preact/hooks'
import { SecretOnce } from '../components/secret-once'
import { WebhookDeliveries } from '../components/webhook-deliveries'
import { WebhookForm } from '../components/webhook-form'
import { WebhookItem } from '../components/webhook-item'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { webhooksApi, type Webhook, type WebhookInput } from '../webhooks-api'

/** Webhooks (admins): the list, registering one (its secret shown once), editing, test deliveries, recent deliveries. */
export function Webhooks() {
  const t = useT()
  const [hooks, setHooks] = useState<Webhook[] | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const [secret, setSecret] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    webhooksApi.list().then((res) => setHooks(res.data), (err) => setError(errorText(t, err)))
  }, [t])

  const create = async (input: WebhookInput) => {
    setBusy(true)
    setError(null)
    try {
      const { data } = await webhooksApi.create(input)
      const { secret: shown, ...hook } = data
      setHooks((list) => [...(list ?? []), hook])
      setSecret(shown)
      setCreating(false)
      setSelected(hook.id)
    } catch (err) {
      setError(errorText(t, err))
    }
    setBusy(false)
  }
  const replaced = (hook: Webhook) => setHooks((list) => (list ?? []).map((h) => (h.id === hook.id ? hook : h)))
  const removed = (id: number) => {
    setHooks((list) => (list ?? []).filter((h) => h.id !== id))
    setSelected(null)
  }

  return (
    <div class="webhooks">
      <div class="toolbar-row">
        <h1>{t('webhooks.title')}</h1>
        {!creating && (
          <button type="button" class="button primary small" onClick={() => setCreating(true)}>
            {t('webhooks.new')}
          </button>
        )}
      </div>
      <p class="hint">{t('webhooks.intro')}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      {creating && <WebhookForm submitLabel={t('webhooks.create')} busy={busy} onSubmit={create} onCancel={() => setCreating(false)} />}
      {hooks === null && !error && <p aria-busy="true">{t('list.loading')}</p>}
      {hooks?.length === 0 && <p>{t('webhooks.empty')}</p>}
      <ul class="webhook-list">
        {hooks?.map((h) => (
          <li key={h.id}>
            <WebhookItem hook={h} open={selected === h.id} onToggle={() => setSelected(selected === h.id ? null : h.id)} onSaved={replaced} onDeleted={removed} onSecret={setSecret} />
            {selected === h.id && <WebhookDeliveries id={h.id} />}
          </li>
        ))}
      </ul>
    </div>
  )
}
