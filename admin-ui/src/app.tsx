import { useEffect, useState } from 'preact/hooks'
import { api, onSessionEnded, type StaffUser } from './api'
import { AppHeader } from './components/app-header'
import { SignInDialog } from './components/sign-in-dialog'
import { useT } from './i18n'
import { isNewsroomRoute, useRoute } from './router'
import { ArticleEditor } from './screens/article-editor'
import { ArticleList } from './screens/article-list'
import { Login } from './screens/login'
import { ApiKeys } from './screens/api-keys'
import { MediaLibrary } from './screens/media-library'
import { NewsroomScreen } from './screens/newsroom-screen'
import { NotFound } from './screens/not-found'
import { PreviewPage } from './screens/preview-page'
import { sessionRenewed } from './session-renewal'
import { Webhooks } from './screens/webhooks'

/** `expired`: a 401 arrived while signed in; the screen stays, under a sign-in dialog. */
type Session = { state: 'checking' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; user: StaffUser; expired?: boolean }

/** Who is signed in decides between the sign-in screen and the app; the URL picks the screen. */
export function App() {
  const t = useT()
  const route = useRoute()
  const [session, setSession] = useState<Session>({ state: 'checking' })

  useEffect(() => {
    if (route.name === 'preview') return
    onSessionEnded(() => setSession((s) => (s.state === 'signed-in' ? { ...s, expired: true } : { state: 'signed-out', notice: t('error.sessionEnded') })))
    api.me().then(
      (res) => setSession({ state: 'signed-in', user: res.data }),
      () => setSession({ state: 'signed-out' }),
    )
    // Checked once at start; later 401s arrive through onSessionEnded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // A preview link is for anyone holding it: no session needed.
  if (route.name === 'preview') return <PreviewPage token={route.token} />
  if (session.state === 'checking') return <p class="boot" aria-busy="true">{t('list.loading')}</p>
  if (session.state === 'signed-out') {
    return <Login notice={session.notice} onSignedIn={(user) => setSession({ state: 'signed-in', user })} />
  }

  const user = session.user
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <AppHeader user={user} route={route} onSignedOut={() => setSession({ state: 'signed-out' })} />
      <main id="main" tabIndex={-1}>
        {route.name === 'list' && <ArticleList trash={false} user={user} />}
        {route.name === 'trash' && <ArticleList trash user={user} />}
        {route.name === 'new' && <ArticleEditor key="new" id={null} user={user} />}
        {route.name === 'edit' && <ArticleEditor key={route.id} id={route.id} user={user} />}
        {route.name === 'media' && <MediaLibrary user={user} />}
        {isNewsroomRoute(route) && <NewsroomScreen route={route} user={user} />}
        {route.name === 'webhooks' && (user.role === 'admin' ? <Webhooks /> : <p class="notice">{t('error.forbidden')}</p>)}
        {route.name === 'missing' && <NotFound />}
        {route.name === 'keys' && <ApiKeys />}
      </main>
      {session.expired && (
        <SignInDialog
          user={user}
          onSignedIn={(again) => {
            setSession({ state: 'signed-in', user: again })
            sessionRenewed()
          }}
          onSignOut={() => setSession({ state: 'signed-out' })}
        />
      )}
    </>
  )
}
