import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type StaffUser } from '../api'
import { useT } from '../i18n'
import { signInErrorText } from '../sign-in-error'

interface Props {
  /** Who was signed in: their email is filled in. */
  user: StaffUser
  onSignedIn: (user: StaffUser) => void
  /** Give up and go to the sign-in page (the unsaved words stay in this browser's backup). */
  onSignOut: () => void
}

/**
 * The session ended (expired, revoked, signed out in another tab) while a screen
 * was open: sign in again over it, a modal dialog, so nothing typed is lost and
 * what was being saved goes on afterwards (session-renewal.ts).
 */
export function SignInDialog({ user, onSignedIn, onSignOut }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const password = useRef<HTMLInputElement>(null)
  const [email, setEmail] = useState(user.email)
  const [secret, setSecret] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
    password.current?.focus()
  }, [])

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const res = await api.signIn(email.trim(), secret)
      dialog.current?.close()
      onSignedIn(res.data)
    } catch (err) {
      setSecret('')
      setBusy(false)
      setError(signInErrorText(t, err))
    }
  }

  return (
    <dialog
      ref={dialog}
      class="card dialog"
      aria-labelledby="renew-title"
      aria-describedby="renew-intro"
      data-testid="sign-in-dialog"
      // Escape would leave the screen without a session: the dialog stays until a choice is made.
      onCancel={(e) => e.preventDefault()}
    >
      <form onSubmit={submit}>
        <h2 id="renew-title">{t('renew.title')}</h2>
        <p id="renew-intro">{t('renew.intro')}</p>
        {error && (
          <p class="message error" role="alert">
            {error}
          </p>
        )}
        <label for="renew-email">{t('login.email')}</label>
        <input id="renew-email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        <label for="renew-password">{t('login.password')}</label>
        <input id="renew-password" ref={password} type="password" autoComplete="current-password" required value={secret} onInput={(e) => setSecret(e.currentTarget.value)} />
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onSignOut}>
            {t('renew.leave')}
          </button>
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t('login.busy') : t('renew.submit')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
