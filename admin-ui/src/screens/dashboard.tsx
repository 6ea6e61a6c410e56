import { useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { Link } from '../components/link'
import { useT } from '../i18n'
import { newsroomApi } from '../newsroom-api'
import { displayTime } from '../time'
import { useDocumentTitle } from '../use-document-title'
import { useLoad } from '../use-load'

type Window = '24h' | '7d'

/** One box of the dashboard: a heading, up to five articles, a link to the whole list. */
function Panel({ id, title, rows, error, all }: { id: string; title: string; rows: { id: number; title: string; meta: string }[] | null; error: string | null; all?: string }) {
  const t = useT()
  return (
    <section class="card dash-panel" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {error && <p class="message error" role="alert">{error}</p>}
      {rows === null && !error && <p class="muted" aria-busy="true">{t('common.loading')}</p>}
      {rows?.length === 0 && <p class="muted">{t('dash.none')}</p>}
      {rows && rows.length > 0 && (
        <ol class="dash-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={{ name: 'edit', id: r.id }}>{r.title}</Link>
              <span class="muted">{r.meta}</span>
            </li>
          ))}
        </ol>
      )}
      {all && (
        <a class="dash-all" href={all}>
          {t('dash.all')}
          <span class="visually-hidden"> — {title}</span>
        </a>
      )}
    </section>
  )
}

/** The landing screen: what waits for review, what goes out next, what readers read, what went out last. */
export function Dashboard({ user }: { user: StaffUser }) {
  const t = useT()
  useDocumentTitle(t('dash.title'))
  const [window, setWindow] = useState<Window>('24h')
  const review = useLoad(() => newsroomApi.listArticles({ status: 'review', limit: 5 }), [])
  const scheduled = useLoad(() => newsroomApi.listArticles({ status: 'scheduled', limit: 100 }), [])
  const recent = useLoad(() => newsroomApi.listArticles({ status: 'published', sort: '-published_at', limit: 5 }), [])
  const mostRead = useLoad(() => newsroomApi.mostRead(window), [window])
  const base = import.meta.env.BASE_URL

  // The list has no scheduled-time order: the next five come from the (few) scheduled ones.
  const next = scheduled.data?.data
    .filter((a) => a.scheduled_at)
    .sort((a, b) => a.scheduled_at!.localeCompare(b.scheduled_at!))
    .slice(0, 5)

  return (
    <section class="dashboard" aria-labelledby="dash-title">
      <h1 id="dash-title">{t('dash.title')}</h1>
      <p class="muted">{t('header.user', { name: user.name, role: t(`role.${user.role}`) })}</p>
      <div class="dash-grid">
        <Panel
          id="dash-review"
          title={t('dash.review')}
          error={review.error}
          rows={review.data?.data.map((a) => ({ id: a.id, title: a.title, meta: `${a.authors.map((x) => x.name).join(', ') || '—'} · ${displayTime(a.updated_at)}` })) ?? null}
          all={`${base}?status=review`}
        />
        <Panel
          id="dash-scheduled"
          title={t('dash.scheduled')}
          error={scheduled.error}
          rows={next?.map((a) => ({ id: a.id, title: a.title, meta: displayTime(a.scheduled_at!) })) ?? null}
          all={`${base}?status=scheduled`}
        />
        <section class="card dash-panel" aria-labelledby="dash-most-read" data-testid="dash-most-read">
          <div class="dash-head">
            <h2 id="dash-most-read">{t('dash.mostRead')}</h2>
            <div role="group" aria-label={t('dash.mostRead')} class="segmented">
              {(['24h', '7d'] as const).map((w) => (
                <button type="button" class="button small" aria-pressed={window === w} onClick={() => setWindow(w)}>
                  {t(`dash.window.${w}`)}
                </button>
              ))}
            </div>
          </div>
          {mostRead.error && <p class="message error" role="alert">{mostRead.error}</p>}
          {mostRead.data?.data.length === 0 && <p class="muted">{t('dash.none')}</p>}
          <ol class="dash-list">
            {mostRead.data?.data.map((a) => (
              <li key={a.id}>
                <Link to={{ name: 'edit', id: a.id }}>{a.title}</Link>
                <span class="muted">{t('dash.views', { count: a.views.toLocaleString('vi-VN') })}</span>
              </li>
            ))}
          </ol>
        </section>
        <Panel
          id="dash-recent"
          title={t('dash.recent')}
          error={recent.error}
          rows={recent.data?.data.map((a) => ({ id: a.id, title: a.title, meta: a.published_at ? displayTime(a.published_at) : '' })) ?? null}
          all={`${base}?sort=-published_at`}
        />
      </div>
    </section>
  )
}
