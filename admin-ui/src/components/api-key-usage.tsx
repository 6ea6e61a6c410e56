import { useEffect, useState } from 'preact/hooks'
import { apiKeysApi, type ApiKeyDetail } from '../api-keys-api'
import { errorText } from '../error-text'
import { useT } from '../i18n'

/** One key's usage per UTC day (requests, 429s) over the last 30 days, and its revoke button. */
export function ApiKeyUsage({ id, onRevoked }: { id: number; onRevoked: () => void }) {
  const t = useT()
  const [key, setKey] = useState<ApiKeyDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => void apiKeysApi.get(id).then((res) => setKey(res.data), (err) => setError(errorText(t, err))), [id])

  const revoke = async () => {
    if (!key || !confirm(t('keys.confirmRevoke', { name: key.name }))) return
    try {
      await apiKeysApi.revoke(key.id)
      onRevoked()
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  if (error) return <p class="message error" role="alert">{error}</p>
  if (!key) return <p aria-busy="true">{t('list.loading')}</p>
  return (
    <section class="card" data-testid="api-key-usage">
      <h2>{t('keys.usage', { name: key.name })}</h2>
      {key.usage.length === 0 ? (
        <p class="empty">{t('keys.usageEmpty')}</p>
      ) : (
        <table>
          <thead>
            <tr><th>{t('keys.day')}</th><th>{t('keys.requests')}</th><th>{t('keys.limited')}</th></tr>
          </thead>
          <tbody>
            {key.usage.map((u) => (
              <tr key={u.day}><td>{u.day}</td><td>{u.requests}</td><td>{u.limited}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {key.status !== 'revoked' && (
        <button type="button" class="button danger" onClick={() => void revoke()}>
          {t('keys.revoke')}
        </button>
      )}
    </section>
  )
}
