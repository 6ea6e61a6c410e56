import { useEffect, useState } from 'preact/hooks'
import { useT } from '../i18n'
import { newsroomApi, queryOf, type AuditEntry } from '../newsroom-api'
import { displayTime } from '../time'
import { useDocumentTitle } from '../use-document-title'
import { useKeysetPages } from '../use-keyset-pages'

const FILTERS = ['action', 'resource_type', 'actor_id'] as const
type Filters = Record<(typeof FILTERS)[number], string>

const filtersFromUrl = (): Filters => {
  const q = new URLSearchParams(location.search)
  return { action: q.get('action') ?? '', resource_type: q.get('resource_type') ?? '', actor_id: q.get('actor_id') ?? '' }
}

/** Who did what (admins): newest first, page by page, filtered by action, resource type or person; the filters live in the URL. */
export function AuditLog() {
  const t = useT()
  useDocumentTitle(t('audit.title'))
  const [applied, setApplied] = useState<Filters>(filtersFromUrl)
  const [draft, setDraft] = useState<Filters>(applied)
  const pages = useKeysetPages<AuditEntry>()
  const load = (after: string | null) =>
    pages.load((cursor) => newsroomApi.auditLog({ ...applied, limit: '50', ...(cursor ? { cursor } : {}) }), after)

  useEffect(() => {
    history.replaceState(null, '', `${location.pathname}${queryOf(applied)}`)
    void load(null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [applied])

  const labels: Record<keyof Filters, string> = { action: t('audit.filterAction'), resource_type: t('audit.filterType'), actor_id: t('audit.filterActor') }
  return (
    <section class="manage" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form
        class="inline-form card manage-add"
        onSubmit={(e) => {
          e.preventDefault()
          setApplied({ ...draft })
        }}
      >
        {FILTERS.map((f) => (
          <div key={f}>
            <label for={`audit-${f}`}>{labels[f]}</label>
            <input id={`audit-${f}`} value={draft[f]} inputMode={f === 'actor_id' ? 'numeric' : undefined} onInput={(e) => setDraft({ ...draft, [f]: e.currentTarget.value.trim() })} />
          </div>
        ))}
        <div class="form-actions">
          <button type="submit" class="button primary">{t('audit.apply')}</button>
        </div>
      </form>
      {pages.error && <p class="message error" role="alert">{pages.error}</p>}
      <div class="table-wrap">
        <table class="articles">
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.resource')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody aria-busy={pages.loading}>
            {pages.items.map((e) => (
              <tr key={e.id}>
                <td><time dateTime={e.created_at}>{displayTime(e.created_at)}</time></td>
                <td>{e.actor_id ?? '—'}</td>
                <td><code>{e.action}</code></td>
                <td>{e.resource_type}{e.resource_id ? ` #${e.resource_id}` : ''}</td>
                <td class="audit-details"><code>{JSON.stringify(e.details)}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!pages.loading && pages.items.length === 0 && !pages.error && <p class="empty">{t('common.empty')}</p>}
      <div class="list-footer">
        <span class="muted" aria-live="polite">{pages.loading ? t('common.loading') : ''}</span>
        {pages.cursor && (
          <button type="button" class="button" disabled={pages.loading} onClick={() => load(pages.cursor)}>
            {t('common.more')}
          </button>
        )}
      </div>
    </section>
  )
}
