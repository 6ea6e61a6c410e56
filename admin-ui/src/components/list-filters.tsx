import { useState } from 'preact/hooks'
import type { Author } from '../api'
import { useT } from '../i18n'
import { EMPTY_QUERY, isFiltered, SORTS, STATUSES, type ListQuery, type ListSort, type ListStatus } from '../list-query'
import type { Category } from '../newsroom-api'

interface Props {
  query: ListQuery
  onChange: (q: ListQuery) => void
  categories: Category[]
  authors: Author[]
}

/** The search box (applied on Enter or Tìm), then the filters and the order (applied as they change). */
export function ListFilters({ query, onChange, categories, authors }: Props) {
  const t = useT()
  const [typed, setTyped] = useState(query.q)
  const set = (patch: Partial<ListQuery>) => onChange({ ...query, ...patch })
  const searching = query.q.trim() !== ''
  return (
    <div class="list-filters card" role="search" aria-label={t('list.filters')}>
      <form
        class="search-row"
        onSubmit={(e) => {
          e.preventDefault()
          set({ q: typed.trim() })
        }}
      >
        <label for="list-q" class="visually-hidden">{t('list.search')}</label>
        <input id="list-q" type="search" value={typed} placeholder={t('list.search')} aria-describedby="list-q-hint" onInput={(e) => setTyped(e.currentTarget.value)} />
        <button type="submit" class="button primary">{t('list.searchButton')}</button>
      </form>
      <p class="hint" id="list-q-hint">{searching ? t('list.searchNote') : t('list.searchHint')}</p>
      <div class="filter-grid">
        <div>
          <label for="status-filter">{t('list.filter')}</label>
          <select id="status-filter" value={query.status} onChange={(e) => set({ status: e.currentTarget.value as ListStatus | '' })}>
            <option value="">{t('list.all')}</option>
            {STATUSES.map((s) => (
              <option value={s}>{t(`status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="category-filter">{t('list.filterCategory')}</label>
          <select id="category-filter" value={query.category} onChange={(e) => set({ category: e.currentTarget.value })}>
            <option value="">{t('list.all')}</option>
            {categories.map((c) => (
              <option value={String(c.id)}>{c.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="author-filter">{t('list.filterAuthor')}</label>
          <select id="author-filter" value={query.author} disabled={searching} onChange={(e) => set({ author: e.currentTarget.value })}>
            <option value="">{t('list.all')}</option>
            {authors.map((a) => (
              <option value={String(a.id)}>{a.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="since-filter">{t('list.since')}</label>
          <input id="since-filter" type="date" value={query.since} disabled={searching} onChange={(e) => set({ since: e.currentTarget.value })} />
        </div>
        <div>
          <label for="until-filter">{t('list.until')}</label>
          <input id="until-filter" type="date" value={query.until} disabled={searching} onChange={(e) => set({ until: e.currentTarget.value })} />
        </div>
        <div>
          <label for="sort-filter">{t('list.sort')}</label>
          <select id="sort-filter" value={query.sort} disabled={searching} onChange={(e) => set({ sort: e.currentTarget.value as ListSort })}>
            {SORTS.map((s) => (
              <option value={s}>{t(`list.sort.${s}`)}</option>
            ))}
          </select>
        </div>
        {isFiltered(query) && (
          <div class="form-actions">
            <button
              type="button"
              class="button"
              onClick={() => {
                setTyped('')
                onChange(EMPTY_QUERY)
              }}
            >
              {t('list.clear')}
            </button>
          </div>
        )}
      </div>
    </div>
  )
}
