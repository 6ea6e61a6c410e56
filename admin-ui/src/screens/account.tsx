import type { StaffUser } from '../api'
import { PasswordForm } from '../components/password-form'
import { TokenList } from '../components/token-list'
import { useT } from '../i18n'
import { useDocumentTitle } from '../use-document-title'

/** The signed-in user's own settings: their password and their personal access tokens. */
export function Account({ user }: { user: StaffUser }) {
  const t = useT()
  useDocumentTitle(t('account.title'))
  return (
    <section class="manage" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <p class="muted">
        {user.name} · {user.email} · {t(`role.${user.role}`)}
      </p>
      <PasswordForm />
      <TokenList />
    </section>
  )
}
