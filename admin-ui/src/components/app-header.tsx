import { useState } from 'preact/hooks'
import { api, type StaffUser } from '../api'
import { useI18n } from '../i18n'
import type { Route } from '../router'
import { newsroomLinks } from '../screens/newsroom-screen'
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
        {newsroomLinks(user).slice(0, 1).map((l) => (
          <Link key={l.name} to={{ name: l.name }} current={route.name === l.name}>
            {t(l.label)}
          </Link>
        ))}
        <Link to={{ name: 'list' }} current={route.name === 'list'}>
          {t('nav.articles')}
        </Link>
        <Link to={{ name: 'media' }} current={route.name === 'media'}>
          {t('nav.media')}
        </Link>
        {user.role === 'admin' && (
          <>
            <Link to={{ name: 'keys' }} current={route.name === 'keys'}>
              {t('nav.keys')}
            </Link>
            <Link to={{ name: 'webhooks' }} current={route.name === 'webhooks'}>
              {t('nav.webhooks')}
            </Link>
          </>
        )}
        <Link to={{ name: 'trash' }} current={route.name === 'trash'}>
          {t('nav.trash')}
        </Link>
        {newsroomLinks(user).slice(1).map((l) => (
          <Link key={l.name} to={{ name: l.name }} current={route.name === l.name}>
            {t(l.label)}
          </Link>
        ))}
        <Link to={{ name: 'new' }} class="button primary small" current={route.name === 'new'}>
          {t('nav.new')}
        </Link>
      </nav>
      <div class="session">
        <Link to={{ name: 'account' }} current={route.name === 'account'} class="who-link">
          <span class="who" data-testid="who-am-i">
            {t('header.user', { name: user.name, role: t(`role.${user.role}`) })}
          </span>
        </Link>
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
