import { Link } from '../components/link'
import { useT } from '../i18n'
import { useDocumentTitle } from '../use-document-title'

/** Any /admin/ path no screen lives at: says so, and offers the way back. */
export function NotFound() {
  const t = useT()
  useDocumentTitle(t('notFound.title'))
  return (
    <section class="not-found card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: location.pathname })}</p>
      <Link to={{ name: 'dashboard' }} class="button primary">
        {t('notFound.home')}
      </Link>
    </section>
  )
}
