import { useState } from 'preact/hooks'
import { api, type StaffUser } from '../api'
import { useI18n } from '../i18n'
import type { Route } from '../router'
import { Link } from './link'

interface Props {
  user: StaffUser
  route: Route
  onSignedOut: () => void
}

/** The bar on every screen: where to go, who is signed in, the language, sign out. */
export function AppHeader({ user, route, onSignedOut }: Props) {
  const { t, lang, setLang } = useI18n()
  const [busy, setBusy] = useState(false)

  const signOut = async () => {
    setBusy(true)
    try {
      await api.signOut()
    } catch {
      // Already signed out (401) or offline: the cookie is forgotten either way below.
    }
    setBusy(false)
    onSignedOut()
  }

  return (
    <header class="app-header">
      <Link to={{ name: 'list' }} class="brand">
        {t('app.name')} <span>{t('app.admin')}</span>
      </Link>
      <nav aria-label={t('nav.main')}>
        <Link to={{ name: 'list' }} current={route.name === 'list'}>
          {t('nav.articles')}
        </Link>
        <Link to={{ name: 'media' }} current={route.name === 'media'}>
          {t('nav.media')}
        </Link>
        {user.role === 'admin' && (
          <Link to={{ name: 'keys' }} current={route.name === 'keys'}>
            {t('nav.keys')}
          </Link>
        )}
        <Link to={{ name: 'trash' }} current={route.name === 'trash'}>
          {t('nav.trash')}
        </Link>
        <Link to={{ name: 'new' }} class="button primary small" current={route.name === 'new'}>
          {t('nav.new')}
        </Link>
      </nav>
      <div class="session">
        <span class="who" data-testid="who-am-i">
          {t('header.user', { name: user.name, role: t(`role.${user.role}`) })}
        </span>
        <button type="button" class="link-button" aria-label={t('lang.switchLabel')} onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {t('lang.switch')}
        </button>
        <button type="button" class="button small" onClick={signOut} disabled={busy}>
          {t('header.logout')}
        </button>
      </div>
    </header>
  )
}
