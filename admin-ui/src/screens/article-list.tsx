import { useEffect, useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { ArticleRow, type ListItem } from '../components/article-row'
import { ListFilters } from '../components/list-filters'
import { Messages } from '../components/messages'
import { loadAuthors } from '../author-directory'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { listApiQuery, listQueryString, parseListQuery, type ListQuery } from '../list-query'
import { newsroomApi, type Category } from '../newsroom-api'
import { SITE_TIME_ZONE } from '../time'
import { useDocumentTitle } from '../use-document-title'
import { useKeysetPages } from '../use-keyset-pages'
import { useLoad } from '../use-load'

const PAGE = 20

/**
 * Articles of any status: the accent-insensitive search (the admin search API,
 * ranked), or the list filtered by status, category, byline and dates and ordered
 * by update, publication or views. Everything is in the URL. The trash lists
 * deleted articles; admins can delete them for good.
 */
export function ArticleList({ trash, user }: { trash: boolean; user: StaffUser }) {
  const t = useT()
  useDocumentTitle(trash ? t('list.trashTitle') : t('list.title'))
  const [query, setQuery] = useState<ListQuery>(() => parseListQuery(trash ? '' : location.search))
  const { items, setItems, cursor, loading, error, setError, load: loadPage } = useKeysetPages<ListItem>()
  const [notice, setNotice] = useState<string | null>(null)
  const categories = useLoad(() => newsroomApi.categories(), [])
  const authors = useLoad(() => loadAuthors(), [])
  const cats: Category[] = categories.data?.data ?? []
  const searching = query.q.trim() !== ''
  // The search API filters by category slug: wait for the categories before searching in one.
  const waitForSlug = searching && query.category !== '' && categories.data === null

  const load = (after: string | null) =>
    loadPage((from) => {
      const page = { limit: String(PAGE), cursor: from ?? undefined, trash: trash ? 'true' : undefined }
      if (searching) {
        const slug = cats.find((c) => String(c.id) === query.category)?.slug
        return newsroomApi.search({ q: query.q.trim(), status: query.status || undefined, category: slug, ...page })
      }
      return newsroomApi.listArticles({ ...(trash ? {} : listApiQuery(query, SITE_TIME_ZONE)), ...page })
    }, after)

  useEffect(() => {
    if (!trash) history.replaceState(null, '', `${location.pathname}${listQueryString(query)}`)
    if (waitForSlug) return
    setItems([])
    void load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, trash, waitForSlug])

  const act = async (work: () => Promise<unknown>, a: ListItem, done: string) => {
    try {
      await work()
      setItems((prev) => prev.filter((x) => x.id !== a.id))
      setNotice(done)
    } catch (err) {
      setError(errorText(t, err))
    }
  }
  const restore = (a: ListItem) => act(() => newsroomApi.restore(a.id, a.version), a, t('list.restored', { title: a.title }))
  const purge = (a: ListItem) => {
    if (confirm(t('list.confirmPurge', { title: a.title }))) void act(() => newsroomApi.purge(a.id), a, t('list.purged', { title: a.title }))
  }

  return (
    <section class="article-list" aria-labelledby="list-title">
      <div class="toolbar-row">
        <h1 id="list-title">{trash ? t('list.trashTitle') : t('list.title')}</h1>
      </div>
      {!trash && <ListFilters query={query} onChange={setQuery} categories={cats} authors={authors.data ?? []} />}
      <Messages notice={notice} error={error} />
      <div class="table-wrap">
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">{t('list.col.title')}</th>
              <th scope="col">{t('list.col.status')}</th>
              <th scope="col">{t('list.col.category')}</th>
              <th scope="col">{t('list.col.published')}</th>
              <th scope="col">{trash ? t('list.col.deleted') : t('list.col.updated')}</th>
              <th scope="col">{t('list.col.author')}</th>
              {trash && <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>}
            </tr>
          </thead>
          <tbody aria-busy={loading}>
            {items.map((a) => (
              <ArticleRow key={a.id} article={a} trash={trash} onRestore={restore} onPurge={user.role === 'admin' ? purge : undefined} />
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
