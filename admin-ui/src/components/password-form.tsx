import { useState } from 'preact/hooks'
import { ApiFailure } from '../api'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { MIN_PASSWORD, newsroomApi } from '../newsroom-api'
import { Messages } from './messages'

/** Changing one's own password: the current one, then the new one (other sessions end). */
export function PasswordForm() {
  const t = useT()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setNotice(null)
    setError(null)
    try {
      await newsroomApi.changePassword(current, next)
      setNotice(t('account.changed'))
      setCurrent('')
      setNext('')
    } catch (err) {
      setError(err instanceof ApiFailure && err.status === 403 && err.details[0]?.path === 'json.current_password' ? t('account.wrong') : errorText(t, err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="card manage-add" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t('account.password')}</h2>
      <Messages notice={notice} error={error} />
      <label for="pw-current">{t('account.current')}</label>
      <input id="pw-current" type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
      <label for="pw-new">{t('account.new')}</label>
      <input id="pw-new" type="password" autocomplete="new-password" required minLength={MIN_PASSWORD} aria-describedby="pw-new-hint" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
      <p class="hint" id="pw-new-hint">{t('account.newHint', { min: MIN_PASSWORD })}</p>
      <button type="submit" class="button primary" disabled={busy}>
        {t('account.password')}
      </button>
    </form>
  )
}
