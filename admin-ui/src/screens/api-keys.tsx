import { useEffect, useState } from 'preact/hooks'
import { apiKeysApi, type ApiKey, type ApiKeyCreate } from '../api-keys-api'
import { ApiKeyForm } from '../components/api-key-form'
import { ApiKeySecret } from '../components/api-key-secret'
import { ApiKeyUsage } from '../components/api-key-usage'
import { errorText } from '../error-text'
import { useT } from '../i18n'

/** Partner API keys (admins): create (the secret shown once), list, usage per day, revoke. */
export function ApiKeys() {
  const t = useT()
  const [keys, setKeys] = useState<ApiKey[] | null>(null)
  const [secret, setSecret] = useState<string | null>(null)
  const [selected, setSelected] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const load = () => apiKeysApi.list().then((res) => setKeys(res.data), (err) => setError(errorText(t, err)))
  useEffect(() => void load(), [])

  const create = async (json: ApiKeyCreate) => {
    setBusy(true)
    setError(null)
    try {
      const res = await apiKeysApi.create(json)
      setSecret(res.data.key)
      await load()
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="api-keys">
      <h1>{t('keys.title')}</h1>
      <p>{t('keys.intro')}</p>
      {error && <p class="message error" role="alert">{error}</p>}
      {secret ? <ApiKeySecret secret={secret} onDone={() => setSecret(null)} /> : <ApiKeyForm busy={busy} onCreate={(json) => void create(json)} />}
      <div class="table-wrap">
        <table data-testid="api-key-list">
          <thead>
            <tr><th>{t('keys.name')}</th><th>{t('keys.prefix')}</th><th>{t('keys.body')}</th><th>{t('keys.tier')}</th><th>{t('keys.status')}</th><th scope="col"><span class="visually-hidden">{t('keys.revoke')}</span></th></tr>
          </thead>
          <tbody>
            {keys?.length === 0 && <tr><td colSpan={6} class="empty">{t('keys.empty')}</td></tr>}
            {keys?.map((k) => (
              <tr key={k.id} data-testid={`api-key-${k.id}`}>
                <td>{k.name}</td>
                <td><code>{k.prefix}…</code></td>
                <td>{t(`keys.body.${k.body}`)}</td>
                <td>{k.tier}</td>
                <td>{t(`keys.status.${k.status}`)}</td>
                <td><button type="button" class="link-button" onClick={() => setSelected(k.id)}>{t('keys.show')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected !== null && <ApiKeyUsage key={selected} id={selected} onRevoked={() => void load().then(() => setSelected(null))} />}
    </div>
  )
}
