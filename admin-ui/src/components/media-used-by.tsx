import { useT } from '../i18n'
import type { UsedBy } from '../media-api'
import { Link } from './link'
import { StatusBadge } from './status-badge'

const ROLES = ['cover', 'inline'] as const
type Role = (typeof ROLES)[number]

/** The articles that use a photo, each a link to its editor, with its status and how it uses the photo. */
export function MediaUsedBy({ usedBy, title }: { usedBy: UsedBy[]; title?: string }) {
  const t = useT()
  return (
    <section class="media-used-by" data-testid="media-used-by">
      <h3>{title ?? t('media.usedBy')}</h3>
      {usedBy.length === 0 ? (
        <p class="muted">{t('media.unused')}</p>
      ) : (
        <ul>
          {usedBy.map((a) => (
            <li key={`${a.id}-${a.role}`}>
              <Link to={{ name: 'edit', id: a.id }}>{a.title}</Link> {a.status && <StatusBadge status={a.status} />}{' '}
              <span class="muted">{ROLES.includes(a.role as Role) ? t(`media.role.${a.role as Role}`) : a.role}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
