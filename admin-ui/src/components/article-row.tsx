import { useT } from '../i18n'
import { displayTime } from '../time'
import { Link } from './link'
import { StatusBadge } from './status-badge'

/** What a row shows: an admin article, or a search hit (which carries no bylines). */
export interface ListItem {
  id: number
  title: string
  slug: string
  status: string
  version: number
  category: { name: string } | null
  published_at: string | null
  updated_at: string
  deleted_at: string | null
  authors?: { name: string }[]
}

interface Props {
  article: ListItem
  trash: boolean
  onRestore: (a: ListItem) => void
  /** Set for admins in the trash: delete for good. */
  onPurge?: ((a: ListItem) => void) | undefined
}

const Time = ({ iso }: { iso: string | null }) => (iso ? <time dateTime={iso}>{displayTime(iso)}</time> : <>—</>)

/** One line of the article list. */
export function ArticleRow({ article: a, trash, onRestore, onPurge }: Props) {
  const t = useT()
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
        <Time iso={a.published_at} />
      </td>
      <td>
        <Time iso={trash && a.deleted_at ? a.deleted_at : a.updated_at} />
      </td>
      <td>{a.authors && a.authors.length > 0 ? a.authors.map((au) => au.name).join(', ') : '—'}</td>
      {trash && (
        <td class="row-actions">
          <button type="button" class="button small" onClick={() => onRestore(a)}>
            {t('action.restore')}
            <span class="visually-hidden"> {a.title}</span>
          </button>
          {onPurge && (
            <button type="button" class="button small danger" onClick={() => onPurge(a)}>
              {t('list.purge')}
              <span class="visually-hidden"> {a.title}</span>
            </button>
          )}
        </td>
      )}
    </tr>
  )
}
