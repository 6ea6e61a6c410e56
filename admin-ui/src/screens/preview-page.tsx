import { useEffect, useState } from 'preact/hooks'
import { api, ApiFailure } from '../api'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { displayTime } from '../time'
import { useDocumentTitle } from '../use-document-title'

type PreviewArticle = Awaited<ReturnType<typeof api.readPreview>>['data']

/**
 * An article read through its signed link, laid out as a reader would see it, with
 * its byline. The banner says whether it is live: the public API answering for its
 * id means it is published (then it links to the public address). No session
 * needed: whoever holds the link may read until it expires.
 * The body HTML was sanitized by the API when it was saved.
 */
export function PreviewPage({ token }: { token: string }) {
  const t = useT()
  const [article, setArticle] = useState<PreviewArticle | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [live, setLive] = useState(false)

  useEffect(() => {
    api.readPreview(token).then(
      (res) => setArticle(res.data),
      (err) => setError(err instanceof ApiFailure && err.status === 410 ? t('preview.expired') : err instanceof ApiFailure && err.status === 404 ? t('preview.invalid') : errorText(t, err)),
    )
  }, [token, t])

  useEffect(() => {
    if (article) void api.isPublic(article.id).then(setLive)
  }, [article])

  useDocumentTitle(article ? `${t('action.preview')}: ${article.title}` : t('action.preview'))

  return (
    <main id="main" class="preview-page">
      {live && article ? (
        <p class="preview-banner published" data-testid="preview-banner">
          {t('preview.publishedBanner')} <a href={article.url}>{article.url}</a>
        </p>
      ) : (
        <p class="preview-banner" data-testid="preview-banner">
          {t('preview.banner')}
        </p>
      )}
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      {!article && !error && <p aria-busy="true">{t('list.loading')}</p>}
      {article && (
        <article>
          <p class="kicker">{article.category?.name}</p>
          <h1>{article.title}</h1>
          <p class="byline">
            {article.authors.length > 0 && <span data-testid="preview-authors">{article.authors.map((a) => a.name).join(', ')} · </span>}
            <time dateTime={article.published_at}>{displayTime(article.published_at)}</time>
            {article.source && <span> · {article.source}</span>}
          </p>
          {article.summary && <p class="sapo">{article.summary}</p>}
          <div class="prose" dangerouslySetInnerHTML={{ __html: article.body_html ?? '' }} />
          {article.tags.length > 0 && <p class="tags">{article.tags.map((tag) => `#${tag.name}`).join('  ')}</p>}
        </article>
      )}
    </main>
  )
}
