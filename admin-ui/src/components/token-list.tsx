import { useState } from 'preact/hooks'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { newsroomApi, type AccessToken } from '../newsroom-api'
import { displayTime } from '../time'
import { useLoad } from '../use-load'
import { Messages } from './messages'

/** My personal access tokens: create one (its secret shown once), see when each was used, revoke. */
export function TokenList() {
  const t = useT()
  const { data, error, setError, reload } = useLoad(() => newsroomApi.tokens(), [])
  const [name, setName] = useState('')
  const [days, setDays] = useState('90')
  const [secret, setSecret] = useState<string | null>(null)

  const create = async (e: Event) => {
    e.preventDefault()
    setError(null)
    try {
      const res = await newsroomApi.createToken(name.trim(), Number(days))
      setSecret(res.data.token)
      setName('')
      reload()
    } catch (err) {
      setError(errorText(t, err))
    }
  }
  const revoke = async (tok: AccessToken) => {
    if (!confirm(t('token.confirmRevoke', { name: tok.name }))) return
    try {
      await newsroomApi.revokeToken(tok.id)
      reload()
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  return (
    <section class="card manage-add" aria-labelledby="token-title">
      <h2 id="token-title">{t('token.title')}</h2>
      <p class="muted">{t('token.intro')}</p>
      <Messages error={error} />
      {secret && (
        <div class="message success" role="status">
          <label for="token-secret">{t('token.secret')}</label>
          <input id="token-secret" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} data-testid="token-secret" />
        </div>
      )}
      <form class="inline-form" onSubmit={create}>
        <div>
          <label for="token-name">{t('token.name')}</label>
          <input id="token-name" value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <div>
          <label for="token-days">{t('token.days')}</label>
          <input id="token-days" type="number" min={1} max={365} value={days} required onInput={(e) => setDays(e.currentTarget.value)} />
        </div>
        <div class="form-actions">
          <button type="submit" class="button primary">{t('token.create')}</button>
        </div>
      </form>
      <ul class="tree">
        {(data?.data ?? []).map((tok) => (
          <li class="tree-row" key={tok.id} data-testid={`token-${tok.id}`}>
            <span class="tree-name">{tok.name}</span>
            <code class="slug" title={t('token.prefix')}>{tok.prefix}…</code>
            <span class="muted">
              {t('token.expires')}: {displayTime(tok.expires_at)} · {t('token.lastUsed')}: {tok.last_used_at ? displayTime(tok.last_used_at) : t('token.never')}
            </span>
            {tok.revoked_at ? (
              <span class="badge status-trashed">{t('token.revoked')}</span>
            ) : (
              <button type="button" class="button small danger" aria-label={t('token.revokeLabel', { name: tok.name })} onClick={() => revoke(tok)}>
                {t('token.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
