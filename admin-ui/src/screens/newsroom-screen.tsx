import type { StaffUser } from '../api'
import { useT } from '../i18n'
import type { MessageKey } from '../i18n/vi'
import type { NewsroomRoute } from '../newsroom-routes'
import { useDocumentTitle } from '../use-document-title'
import { Account } from './account'
import { AuditLog } from './audit-log'
import { Categories } from './categories'
import { Dashboard } from './dashboard'
import { Tags } from './tags'
import { Users } from './users'

/** Admins-only screens say so to anyone else (the API would refuse them anyway). */
function AdminsOnly({ title }: { title: string }) {
  const t = useT()
  useDocumentTitle(title)
  return (
    <section aria-labelledby="forbidden-title">
      <h1 id="forbidden-title">{title}</h1>
      <p class="message error" role="alert">{t('error.forbidden')}</p>
    </section>
  )
}

/** The management screen a route names, as the signed-in user's role allows. */
export function NewsroomScreen({ route, user }: { route: NewsroomRoute; user: StaffUser }) {
  const t = useT()
  const admin = user.role === 'admin'
  switch (route.name) {
    case 'dashboard':
      return <Dashboard user={user} />
    case 'categories':
      return <Categories user={user} />
    case 'tags':
      return <Tags user={user} />
    case 'users':
      return admin ? <Users user={user} /> : <AdminsOnly title={t('user.title')} />
    case 'audit':
      return admin ? <AuditLog /> : <AdminsOnly title={t('audit.title')} />
    case 'account':
      return <Account user={user} />
  }
}

type NavLink = { name: NewsroomRoute['name']; label: MessageKey }

/** The header links to the management screens the user's role can use. */
export function newsroomLinks(user: StaffUser): NavLink[] {
  const links: NavLink[] = [
    { name: 'dashboard', label: 'nav.dashboard' },
    { name: 'categories', label: 'nav.categories' },
    { name: 'tags', label: 'nav.tags' },
  ]
  if (user.role === 'admin') links.push({ name: 'users', label: 'nav.users' }, { name: 'audit', label: 'nav.audit' })
  return links
}
