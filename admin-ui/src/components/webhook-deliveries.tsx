import { useCallback, useEffect, useState } from 'preact/hooks'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { displayTime } from '../time'
import { webhooksApi, type Delivery } from '../webhooks-api'

/** A webhook's recent deliveries (status, response code, error, next try) and the test button. */
export function WebhookDeliveries({ id }: { id: number }) {
  const t = useT()
  const [rows, setRows] = useState<Delivery[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(() => webhooksApi.deliveries(id).then((res) => setRows(res.data), (err) => setError(errorText(t, err))), [id, t])
  useEffect(() => void load(), [load])

  const sendTest = async () => {
    setBusy(true)
    setError(null)
    try {
      await webhooksApi.test(id)
      await load()
    } catch (err) {
      setError(errorText(t, err))
    }
    setBusy(false)
  }

  return (
    <section class="webhook-deliveries" aria-label={t('webhooks.deliveries')}>
      <div class="toolbar-row">
        <h3>{t('webhooks.deliveries')}</h3>
        <button type="button" class="button small" onClick={sendTest} disabled={busy}>
          {t('webhooks.test')}
        </button>
        <button type="button" class="link-button" onClick={() => void load()}>
          {t('webhooks.refresh')}
        </button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {rows?.length === 0 && <p>{t('webhooks.noDeliveries')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('webhooks.col.time')}</th>
              <th>{t('webhooks.col.event')}</th>
              <th>{t('webhooks.col.status')}</th>
              <th>{t('webhooks.col.code')}</th>
              <th>{t('webhooks.col.attempts')}</th>
              <th>{t('webhooks.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} data-status={d.status}>
                <td>{displayTime(d.created_at)}</td>
                <td>
                  <code>{d.event}</code>
                  {d.article_id !== null && ` #${d.article_id}`}
                </td>
                <td>{t(`webhooks.status.${d.status}`)}</td>
                <td>{d.last_status ?? '—'}</td>
                <td>{d.attempts}</td>
                <td>{d.last_error ?? ''}{d.next_attempt_at ? ` ${t('webhooks.nextTry', { time: displayTime(d.next_attempt_at) })}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
