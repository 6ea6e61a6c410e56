import type { AdminArticle } from '../api'
import { useT } from '../i18n'
import { displayTime } from '../time'
import { Link } from './link'
import { StatusBadge } from './status-badge'

interface Props {
  article: AdminArticle | null
  dirty: boolean
  busy: string | null
  locked: boolean
}

/** Sticky top of the editor: back link, heading, status and times, the save button. */
export function EditorHeader({ article, dirty, busy, locked }: Props) {
  const t = useT()
  return (
    <div class="editor-header">
      <div class="editor-heading">
        <Link to={{ name: 'list' }} class="back">
          {t('editor.back')}
        </Link>
        <h1 id="editor-title">{article ? t('editor.editTitle') : t('editor.newTitle')}</h1>
        {article && (
          <p class="editor-facts">
            <StatusBadge status={article.status} trashed={article.deleted_at !== null} />
            <span>{t('editor.version', { version: article.version })}</span>
            <span>{t('editor.updated', { time: displayTime(article.updated_at) })}</span>
            {article.status === 'published' && article.published_at && (
              <span data-testid="published-at">{t('editor.publishedAt', { time: displayTime(article.published_at) })}</span>
            )}
            {article.status === 'scheduled' && article.scheduled_at && <span>{t('editor.scheduledAt', { time: displayTime(article.scheduled_at) })}</span>}
          </p>
        )}
      </div>
      <div class="editor-save">
        {dirty && <span class="dirty">{t('editor.dirty')}</span>}
        <button type="submit" class="button primary" data-action="save" disabled={busy !== null || locked}>
          {busy === 'save' ? t('editor.saving') : t('editor.save')}
        </button>
      </div>
    </div>
  )
}
