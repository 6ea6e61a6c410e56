import { useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiFailure, type AdminArticle, type StaffUser } from '../api'
import { ArticleMainFields } from '../components/article-main-fields'
import { ArticleMetaFields } from '../components/article-meta-fields'
import { BackupBanner } from '../components/backup-banner'
import { ConflictDialog } from '../components/conflict-dialog'
import { EditorHeader } from '../components/editor-header'
import { EditorStatus } from '../components/editor-status'
import { PresenceNotice } from '../components/presence-notice'
import { PreviewLinkBox } from '../components/preview-link-box'
import { PublishDatedDialog } from '../components/publish-dated-dialog'
import { RevisionDiffDialog } from '../components/revision-diff-dialog'
import { RevisionList } from '../components/revision-list'
import { ScheduleDialog } from '../components/schedule-dialog'
import { allowedSteps, mayEdit, WorkflowBar, type Step } from '../components/workflow-bar'
import { backupKey, clearBackup } from '../draft-backup'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { setLeaveGuard } from '../router'
import { signedInAgain } from '../session-renewal'
import { displayTime } from '../time'
import { useDocumentTitle } from '../use-document-title'
import { useArticleEditor } from './use-article-editor'
import { useAutosave } from './use-autosave'
import { useDraftBackup } from './use-draft-backup'

interface Props {
  id: number | null
  user: StaffUser
}

/** Resolves when the browser has a network again. */
const backOnline = () => new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }))

/** Statuses whose edits are saved on their own; published and scheduled articles change only on purpose. */
const AUTOSAVED = new Set(['draft', 'review'])

/** Writing and publishing one article: the fields, the body, the workflow, the history. */
export function ArticleEditor({ id, user }: Props) {
  const t = useT()
  const ed = useArticleEditor(id)
  const [busy, setBusy] = useState<string | null>(null)
  const [scheduling, setScheduling] = useState(false)
  const [publishingDated, setPublishingDated] = useState(false)
  const [comparing, setComparing] = useState<number | null>(null)
  const [preview, setPreview] = useState<{ url: string; expires_at: string } | null>(null)
  const [publicUrl, setPublicUrl] = useState<string | null>(null)
  const { article, dirty } = ed
  const backup = useDraftBackup({ userId: user.id, articleId: id, version: article?.version ?? null, loading: ed.loading, form: ed.form, dirty })
  // One operation at a time: each save sends the version the previous one returned.
  const inFlight = useRef(false)

  useDocumentTitle(article ? ed.form.title.trim() || article.title || t('editor.editTitle') : t('editor.newTitle'))

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

  /** The end of a save: the browser's copy is no longer needed (nor the "new article" one after a first save). */
  const saved = (a: AdminArticle, next: Parameters<typeof ed.settle>[1]) => {
    backup.clear()
    if (id === null) clearBackup(backupKey(user.id, null))
    ed.settle(a, next)
  }

  /**
   * Runs one operation with the buttons locked; failures become the message (412:
   * the conflict dialog, from the hook). A 401 keeps everything on screen: the
   * sign-in dialog opens over it and the operation runs again once signed in. A
   * save made offline waits for the network the same way (the text stays; the
   * browser backup holds it meanwhile).
   */
  const run = async (label: string, work: () => Promise<void>, { quiet = false } = {}) => {
    if (inFlight.current) return
    inFlight.current = true
    setBusy(label)
    if (!quiet) ed.setMessage(null)
    try {
      for (;;) {
        try {
          await work()
          break
        } catch (err) {
          if (err instanceof ApiFailure && err.status === 401) {
            ed.setMessage({ kind: 'error', text: t('renew.waiting') })
            await signedInAgain()
          } else if (err instanceof ApiFailure && err.status === 0 && !navigator.onLine) {
            ed.setMessage({ kind: 'error', text: t('offline.waiting') })
            await backOnline()
          } else {
            throw err
          }
          ed.setMessage(null)
        }
      }
    } catch (err) {
      if (!(err instanceof ApiFailure && err.status === 412)) ed.setMessage({ kind: 'error', text: errorText(t, err) })
    } finally {
      inFlight.current = false
      setBusy(null)
    }
  }

  const nowShort = () => displayTime(new Date().toISOString()).slice(0, 5)

  const save = () =>
    run('save', async () => {
      saved(await ed.save(), { kind: 'success', text: t('editor.saved', { time: nowShort() }) })
    })

  const autosave = () => {
    if (inFlight.current) return
    void run(
      'autosave',
      async () => {
        saved(await ed.save(), { kind: 'info', text: t('autosave.done', { time: nowShort() }) })
      },
      { quiet: true },
    )
  }
  const autosaves = article !== null && AUTOSAVED.has(article.status) && article.deleted_at === null && mayEdit(article, user)
  useAutosave(autosaves && dirty && ed.theirs === null && backup.offer === null && ed.form.title.trim() !== '', ed.form, autosave)

  /** A step always acts on what the editor sees: unsaved changes are saved first. */
  const step = (s: Step, extra: { at?: string; published_at?: string } = {}) =>
    run(s, async () => {
      if (s === 'delete' && !confirm(t('action.confirmDelete', { title: article?.title ?? '' }))) return
      if (s === 'unpublish' && article?.status === 'published' && !confirm(t('action.confirmUnpublish', { title: article.title }))) return
      const current: AdminArticle = s === 'restore' ? article! : await ed.save()
      try {
        const done =
          s === 'delete'
            ? await api.trashArticle(current.id, current.version)
            : s === 'restore'
              ? await api.restoreFromTrash(current.id, current.version)
              : await api.transition(current.id, s, current.version, extra)
        saved(done.data, s === 'delete' ? null : { kind: 'success', text: t(`action.done.${s}`) })
        setPublicUrl(s === 'publish' ? done.data.url : null)
      } catch (err) {
        // The save went through even though the step did not: show the saved version.
        if (current === article || (err instanceof ApiFailure && err.status === 412)) throw err
        saved(current, { kind: 'error', text: errorText(t, err) })
      }
    })

  const keepMine = (theirs: AdminArticle) =>
    run('save', async () => {
      saved(await ed.save(theirs), { kind: 'success', text: t('conflict.keptMine', { time: nowShort() }) })
    })

  const takeTheirs = (theirs: AdminArticle) => {
    backup.clear()
    ed.settle(theirs, { kind: 'info', text: t('conflict.tookTheirs', { version: theirs.version }) })
  }

  const restoreRevision = (version: number) =>
    run('revision', async () => {
      if (!confirm(t('revisions.confirm', { version }))) return
      const restored = await api.restoreRevision(article!.id, version, article!.version)
      saved(restored.data, { kind: 'success', text: t('revisions.done', { version }) })
    })

  const makePreview = () =>
    run('preview', async () => {
      const current = await ed.save()
      if (current !== article) saved(current, null)
      setPreview((await api.previewLink(current.id)).data)
    })

  if (ed.missing) return <p class="message error">{t('editor.notFound')}</p>
  if (ed.loading) return <p aria-busy="true">{t('list.loading')}</p>

  const trashed = article?.deleted_at != null
  const locked = trashed || !mayEdit(article, user)
  const mayPublish = allowedSteps(article, user).includes('publish')

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
      {backup.offer && (
        <BackupBanner
          savedAt={backup.offer.savedAt}
          onRestore={() => {
            ed.replaceForm(backup.offer!.form)
            backup.settleOffer(true)
          }}
          onDiscard={() => backup.settleOffer(false)}
        />
      )}
      {article && <PresenceNotice articleId={article.id} />}
      {trashed && <p class="message info">{t('editor.inTrash')}</p>}
      <WorkflowBar article={article} user={user} busy={busy} onStep={(s) => (s === 'schedule' ? setScheduling(true) : void step(s))} onPreview={() => void makePreview()} />
      {mayPublish && article && (
        <p class="publish-dated-link">
          <button type="button" class="link-button" data-action="publish-dated" disabled={busy !== null} onClick={() => setPublishingDated(true)}>
            {t('publishDated.open')}
          </button>
        </p>
      )}
      {preview && <PreviewLinkBox url={preview.url} expiresAt={preview.expires_at} onClose={() => setPreview(null)} />}
      <div class="editor-columns">
        <ArticleMainFields form={ed.form} update={ed.update} onBody={ed.onBody} revision={ed.revision} published={article?.status === 'published'} disabled={locked} />
        <aside class="editor-side">
          <ArticleMetaFields form={ed.form} update={ed.update} categories={ed.categories} authors={ed.authors} disabled={locked} />
          {article && (
            <RevisionList
              articleId={article.id}
              version={article.version}
              canRestore={!locked}
              busy={busy !== null}
              onRestore={(v) => void restoreRevision(v)}
              onCompare={setComparing}
            />
          )}
        </aside>
      </div>
      <EditorStatus message={ed.message} publicUrl={article?.status === 'published' ? publicUrl : null} onClosePublic={() => setPublicUrl(null)} />
      {ed.theirs && <ConflictDialog theirs={ed.theirs} mine={ed.form} busy={busy !== null} onKeepMine={() => void keepMine(ed.theirs!)} onTakeTheirs={() => takeTheirs(ed.theirs!)} />}
      {scheduling && (
        <ScheduleDialog
          current={article?.scheduled_at ?? null}
          onClose={() => setScheduling(false)}
          onConfirm={(at) => {
            setScheduling(false)
            void step('schedule', { at })
          }}
        />
      )}
      {publishingDated && article && (
        <PublishDatedDialog
          title={ed.form.title.trim() || article.title}
          onClose={() => setPublishingDated(false)}
          onConfirm={(publishedAt) => {
            setPublishingDated(false)
            void step('publish', { published_at: publishedAt })
          }}
        />
      )}
      {comparing !== null && article && (
        <RevisionDiffDialog
          articleId={article.id}
          version={comparing}
          current={ed.form}
          canRestore={!locked && comparing !== article.version}
          onRestore={(v) => void restoreRevision(v)}
          onClose={() => setComparing(null)}
        />
      )}
    </form>
  )
}
