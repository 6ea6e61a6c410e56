import { useEffect, useState } from 'preact/hooks'
import { api, type AdminArticle, type ArticleStatus } from '../api'
import { ArticleRow } from '../components/article-row'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { useKeysetPages } from '../use-keyset-pages'

const STATUSES: ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'archived']
const PAGE = 20

const statusFromUrl = (): ArticleStatus | '' => {
  const s = new URLSearchParams(location.search).get('status')
  return STATUSES.includes(s as ArticleStatus) ? (s as ArticleStatus) : ''
}

/** Articles of any status, newest updated first, filtered by status; or the trash. */
export function ArticleList({ trash }: { trash: boolean }) {
  const t = useT()
  const [status, setStatus] = useState<ArticleStatus | ''>(trash ? '' : statusFromUrl)
  const { items, setItems, cursor, loading, error, setError, load: loadPage } = useKeysetPages<AdminArticle>()
  const [notice, setNotice] = useState<string | null>(null)
  const load = (after: string | null) =>
    loadPage((from) => api.listArticles({ status: status || undefined, trash, cursor: from ?? undefined, limit: PAGE }), after)

  useEffect(() => {
    if (!trash) history.replaceState(null, '', status ? `?status=${status}` : location.pathname)
    setItems([])
    void load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, trash])

  const restore = async (a: AdminArticle) => {
    try {
      await api.restoreFromTrash(a.id, a.version)
      setItems((prev) => prev.filter((x) => x.id !== a.id))
      setNotice(t('list.restored', { title: a.title }))
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  return (
    <section class="article-list" aria-labelledby="list-title">
      <div class="toolbar-row">
        <h1 id="list-title">{trash ? t('list.trashTitle') : t('list.title')}</h1>
        {!trash && (
          <div class="filter">
            <label for="status-filter">{t('list.filter')}</label>
            <select id="status-filter" value={status} onChange={(e) => setStatus(e.currentTarget.value as ArticleStatus | '')}>
              <option value="">{t('list.all')}</option>
              {STATUSES.map((s) => (
                <option value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      {notice && (
        <p class="message success" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      <div class="table-wrap">
      <table class="articles">
        <thead>
          <tr>
            <th scope="col">{t('list.col.title')}</th>
            <th scope="col">{t('list.col.status')}</th>
            <th scope="col">{t('list.col.category')}</th>
            <th scope="col">{trash ? t('list.col.deleted') : t('list.col.updated')}</th>
            <th scope="col">{t('list.col.author')}</th>
            {trash && <th scope="col"><span class="visually-hidden">{t('action.restore')}</span></th>}
          </tr>
        </thead>
        <tbody aria-busy={loading}>
          {items.map((a) => (
            <ArticleRow key={a.id} article={a} trash={trash} onRestore={restore} />
          ))}
        </tbody>
      </table>
      </div>
      {!loading && items.length === 0 && !error && <p class="empty">{trash ? t('list.trashEmpty') : t('list.empty')}</p>}
      <div class="list-footer">
        <span class="muted" aria-live="polite">
          {loading ? t('list.loading') : items.length > 0 ? t('list.count', { count: items.length }) : ''}
        </span>
        {cursor && (
          <button type="button" class="button" disabled={loading} onClick={() => load(cursor)}>
            {t('list.more')}
          </button>
        )}
      </div>
    </section>
  )
}
