import { useEffect, useState } from 'preact/hooks'
import { api, ApiFailure, type AdminArticle, type StaffUser } from '../api'
import { ArticleMainFields } from '../components/article-main-fields'
import { ArticleMetaFields } from '../components/article-meta-fields'
import { EditorHeader } from '../components/editor-header'
import { PreviewLinkBox } from '../components/preview-link-box'
import { RevisionList } from '../components/revision-list'
import { ScheduleDialog } from '../components/schedule-dialog'
import { mayEdit, WorkflowBar, type Step } from '../components/workflow-bar'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { setLeaveGuard } from '../router'
import { displayTime } from '../time'
import { useArticleEditor } from './use-article-editor'

interface Props {
  id: number | null
  user: StaffUser
}

/** Writing and publishing one article: the fields, the body, the workflow, the history. */
export function ArticleEditor({ id, user }: Props) {
  const t = useT()
  const ed = useArticleEditor(id)
  const [busy, setBusy] = useState<string | null>(null)
  const [scheduling, setScheduling] = useState(false)
  const [preview, setPreview] = useState<{ url: string; expires_at: string } | null>(null)
  const { article, dirty } = ed

  useEffect(() => {
    setLeaveGuard(() => !dirty || confirm(t('editor.leave')))
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault()
    }
    window.addEventListener('beforeunload', beforeUnload)
    return () => {
      setLeaveGuard(null)
      window.removeEventListener('beforeunload', beforeUnload)
    }
  }, [dirty, t])

  /** Runs one operation with the buttons locked; failures become the message (412: the conflict banner). */
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label)
    ed.setMessage(null)
    try {
      await work()
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 412) ed.setConflict(true)
      else ed.setMessage({ kind: 'error', text: errorText(t, err) })
    } finally {
      setBusy(null)
    }
  }

  const save = () =>
    run('save', async () => {
      const saved = await ed.save()
      ed.settle(saved, { kind: 'success', text: t('editor.saved', { time: displayTime(new Date().toISOString()).slice(0, 5) }) })
    })

  /** A step always acts on what the editor sees: unsaved changes are saved first. */
  const step = (s: Step, atIso?: string) =>
    run(s, async () => {
      if (s === 'delete' && !confirm(t('action.confirmDelete', { title: article?.title ?? '' }))) return
      if (s === 'unpublish' && article?.status === 'published' && !confirm(t('action.confirmUnpublish', { title: article.title }))) return
      const saved: AdminArticle = s === 'restore' ? article! : await ed.save()
      try {
        const done =
          s === 'delete'
            ? await api.trashArticle(saved.id, saved.version)
            : s === 'restore'
              ? await api.restoreFromTrash(saved.id, saved.version)
              : await api.transition(saved.id, s, saved.version, s === 'schedule' ? { at: atIso! } : {})
        ed.settle(done.data, s === 'delete' ? null : { kind: 'success', text: t(`action.done.${s}`) })
      } catch (err) {
        // The save went through even though the step did not: show the saved version.
        if (saved === article || (err instanceof ApiFailure && err.status === 412)) throw err
        ed.settle(saved, { kind: 'error', text: errorText(t, err) })
      }
    })

  const restoreRevision = (version: number) =>
    run('revision', async () => {
      if (!confirm(t('revisions.confirm', { version }))) return
      const restored = await api.restoreRevision(article!.id, version, article!.version)
      ed.settle(restored.data, { kind: 'success', text: t('revisions.done', { version }) })
    })

  const makePreview = () =>
    run('preview', async () => {
      const saved = await ed.save()
      if (saved !== article) ed.settle(saved, null)
      setPreview((await api.previewLink(saved.id)).data)
    })

  if (ed.missing) return <p class="message error">{t('editor.notFound')}</p>
  if (ed.loading) return <p aria-busy="true">{t('list.loading')}</p>

  const trashed = article?.deleted_at != null
  const locked = trashed || !mayEdit(article, user)

  return (
    <form
      class="article-editor"
      aria-labelledby="editor-title"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault()
          if (!locked) void save()
        }
      }}
    >
      <EditorHeader article={article} dirty={dirty} busy={busy} locked={locked} />
      {ed.conflict && (
        <div class="message warning" role="alert" data-testid="conflict">
          <p>{t('editor.conflict')}</p>
          <button type="button" class="button" onClick={() => void ed.reload()}>
            {t('editor.reload')}
          </button>
        </div>
      )}
      {ed.message && (
        <p class={`message ${ed.message.kind}`} role={ed.message.kind === 'error' ? 'alert' : 'status'} data-testid="editor-message">
          {ed.message.text}
        </p>
      )}
      {trashed && <p class="message info">{t('editor.inTrash')}</p>}
      <WorkflowBar article={article} user={user} busy={busy} onStep={(s) => (s === 'schedule' ? setScheduling(true) : void step(s))} onPreview={() => void makePreview()} />
      {preview && <PreviewLinkBox url={preview.url} expiresAt={preview.expires_at} onClose={() => setPreview(null)} />}
      <div class="editor-columns">
        <ArticleMainFields form={ed.form} update={ed.update} onBody={ed.onBody} revision={ed.revision} published={article?.status === 'published'} disabled={locked} />
        <aside class="editor-side">
          <ArticleMetaFields form={ed.form} update={ed.update} categories={ed.categories} authors={ed.authors} disabled={locked} />
          {article && (
            <RevisionList articleId={article.id} version={article.version} canRestore={!locked} busy={busy !== null} onRestore={(v) => void restoreRevision(v)} />
          )}
        </aside>
      </div>
      {scheduling && (
        <ScheduleDialog
          current={article?.scheduled_at ?? null}
          onClose={() => setScheduling(false)}
          onConfirm={(at) => {
            setScheduling(false)
            void step('schedule', at)
          }}
        />
      )}
    </form>
  )
}
