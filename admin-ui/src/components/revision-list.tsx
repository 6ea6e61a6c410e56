import { useEffect, useState } from 'preact/hooks'
import { api, type RevisionSummary } from '../api'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { displayTime } from '../time'
import { StatusBadge } from './status-badge'

interface Props {
  articleId: number
  /** The article's current version: the list reloads when it changes. */
  version: number
  canRestore: boolean
  busy: boolean
  onRestore: (version: number) => void
  /** Opens a version's differences from the current text. */
  onCompare: (version: number) => void
}

/** The article's saves, newest first, each restorable (a restore is itself a new version). */
export function RevisionList({ articleId, version, canRestore, busy, onRestore, onCompare }: Props) {
  const t = useT()
  const [items, setItems] = useState<RevisionSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = async (after?: string) => {
    try {
      const page = await api.listRevisions(articleId, after)
      setItems((prev) => (after ? [...prev, ...page.data] : page.data))
      setCursor(page.next_cursor)
      setError(null)
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId, version])

  return (
    <section class="revisions" aria-labelledby="revisions-title">
      <h2 id="revisions-title">{t('revisions.title')}</h2>
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      {items.length === 0 && !error && <p class="muted">{t('revisions.empty')}</p>}
      <ol>
        {items.map((r) => (
          <li key={r.version} class={r.version === version ? 'current' : ''}>
            <div class="revision-head">
              <strong>{t('revisions.item', { version: r.version })}</strong>
              <StatusBadge status={r.status} />
            </div>
            <div class="muted">
              <time dateTime={r.created_at}>{displayTime(r.created_at)}</time>
            </div>
            <div class="revision-title">{r.title}</div>
            <button type="button" class="button small" aria-label={t('revisions.compareLabel', { version: r.version })} onClick={() => onCompare(r.version)}>
              {t('revisions.compare')}
            </button>{' '}
            {r.version === version ? (
              <span class="muted">{t('revisions.current')}</span>
            ) : (
              canRestore && (
                <button
                  type="button"
                  class="button small"
                  disabled={busy}
                  aria-label={t('revisions.restoreLabel', { version: r.version })}
                  onClick={() => onRestore(r.version)}
                >
                  {t('revisions.restore')}
                </button>
              )
            )}
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" class="button small" onClick={() => load(cursor)}>
          {t('revisions.more')}
        </button>
      )}
    </section>
  )
}
