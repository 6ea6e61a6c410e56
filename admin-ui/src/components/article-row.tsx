import type { AdminArticle } from '../api'
import { useT } from '../i18n'
import { displayTime } from '../time'
import { Link } from './link'
import { StatusBadge } from './status-badge'

interface Props {
  article: AdminArticle
  trash: boolean
  onRestore: (a: AdminArticle) => void
}

/** One line of the article list. */
export function ArticleRow({ article: a, trash, onRestore }: Props) {
  const t = useT()
  const when = trash && a.deleted_at ? a.deleted_at : a.updated_at
  return (
    <tr>
      <td class="title-cell">
        <Link to={{ name: 'edit', id: a.id }}>{a.title}</Link>
        <span class="slug">{a.slug}</span>
      </td>
      <td>
        <StatusBadge status={a.status} />
      </td>
      <td>{a.category?.name ?? '—'}</td>
      <td>
        <time dateTime={when}>{displayTime(when)}</time>
      </td>
      <td>{a.authors.length > 0 ? a.authors.map((au) => au.name).join(', ') : '—'}</td>
      {trash && (
        <td>
          <button type="button" class="button small" onClick={() => onRestore(a)}>
            {t('action.restore')}
            <span class="visually-hidden"> {a.title}</span>
          </button>
        </td>
      )}
    </tr>
  )
}
