import { useT } from '../i18n'
import type { UsedBy } from '../media-api'
import { Link } from './link'
import { StatusBadge } from './status-badge'

const ROLES = ['cover', 'inline'] as const
type Role = (typeof ROLES)[number]

/** One entry per article, with every way it uses the photo (the API lists cover and inline separately). */
function byArticle(usedBy: UsedBy[]): (UsedBy & { roles: string[] })[] {
  const articles = new Map<number, UsedBy & { roles: string[] }>()
  for (const use of usedBy) {
    const seen = articles.get(use.id)
    if (seen) seen.roles.push(use.role)
    else articles.set(use.id, { ...use, roles: [use.role] })
  }
  return [...articles.values()]
}

/** The articles that use a photo, each a link to its editor, with its status and how it uses the photo. */
export function MediaUsedBy({ usedBy, title }: { usedBy: UsedBy[]; title?: string }) {
  const t = useT()
  const role = (r: string) => (ROLES.includes(r as Role) ? t(`media.role.${r as Role}`) : r)
  return (
    <section class="media-used-by" data-testid="media-used-by">
      <h3>{title ?? t('media.usedBy')}</h3>
      {usedBy.length === 0 ? (
        <p class="muted">{t('media.unused')}</p>
      ) : (
        <ul>
          {byArticle(usedBy).map((a) => (
            <li key={a.id}>
              <Link to={{ name: 'edit', id: a.id }}>{a.title}</Link> {a.status && <StatusBadge status={a.status} />}{' '}
              <span class="muted">{a.roles.map(role).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
