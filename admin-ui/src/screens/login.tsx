import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type StaffUser } from '../api'
import { useI18n } from '../i18n'
import { signInErrorText } from '../sign-in-error'

interface Props {
  notice?: string | undefined
  onSignedIn: (user: StaffUser) => void
}

/**
 * Email and password to a session cookie. A wrong email and a wrong password read
 * the same (so does the server); a lock-out says how long to wait.
 */
export function Login({ notice, onSignedIn }: Props) {
  const { t, lang, setLang } = useI18n()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const emailRef = useRef<HTMLInputElement>(null)

  useEffect(() => emailRef.current?.focus(), [])

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const res = await api.signIn(email.trim(), password)
      onSignedIn(res.data)
    } catch (err) {
      setPassword('')
      setError(signInErrorText(t, err))
      setBusy(false)
    }
  }

  return (
    <main class="login" id="main">
      <form class="card login-card" onSubmit={submit} aria-labelledby="login-title" noValidate={false}>
        <p class="brand">
          {t('app.name')} <span>{t('app.admin')}</span>
        </p>
        <h1 id="login-title">{t('login.title')}</h1>
        <p class="muted">{t('login.intro')}</p>
        {notice && !error && (
          <p class="message info" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p class="message error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <label for="login-email">{t('login.email')}</label>
        <input
          id="login-email"
          ref={emailRef}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="login-password">{t('login.password')}</label>
        <input
          id="login-password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <button type="button" class="link-button lang" aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('lang.switch')}
        </button>
      </form>
    </main>
  )
}
