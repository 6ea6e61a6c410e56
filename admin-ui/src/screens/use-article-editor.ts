import { useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiFailure, type AdminArticle, type Author, type Category } from '../api'
import { createBody, emptyForm, formOf, isDirty, patchBody, type ArticleForm } from '../form-model'
import { navigate } from '../router'

export type Message = { kind: 'success' | 'error' | 'info'; text: string } | null

/**
 * A new article's first save changes the URL to /articles/{id}, which mounts a fresh
 * editor: what the last one knew (the saved article, its message) is handed over here.
 */
let handoff: { article: AdminArticle; message: Message } | null = null

/**
 * The state behind the editor screen: the article as last saved, the form being
 * edited, and the save that turns one into the other (create, or a PATCH of only the
 * changed fields under If-Match). A 412 keeps the form and fetches the server's
 * version into `theirs`, for the editor to compare and choose (keep mine / take theirs).
 */
export function useArticleEditor(id: number | null) {
  const [article, setArticle] = useState<AdminArticle | null>(null)
  const [base, setBase] = useState<ArticleForm>(emptyForm)
  const [form, setForm] = useState<ArticleForm>(emptyForm)
  const [categories, setCategories] = useState<Category[]>([])
  const [authors, setAuthors] = useState<Author[]>([])
  const [loading, setLoading] = useState(id !== null)
  const [missing, setMissing] = useState(false)
  /** On a 412: the newer version on the server, shown beside the user's text until they choose. */
  const [theirs, setTheirs] = useState<AdminArticle | null>(null)
  const [message, setMessage] = useState<Message>(null)
  const [revision, setRevision] = useState(0)

  // The form as last rendered, and as it was when the running save started.
  const current = useRef(form)
  current.current = form
  const sent = useRef<ArticleForm | null>(null)
  /** Whether the body editor's next re-serialization is of a server version (it then becomes the base too). */
  const fromServer = useRef(true)

  /**
   * Shows a version from the server: the form starts again from it, unless the
   * editor kept typing while it was being saved; then those edits stay, unsaved.
   */
  const apply = (a: AdminArticle) => {
    const fresh = formOf(a)
    const typedSince = sent.current !== null && current.current !== sent.current
    sent.current = null
    setArticle(a)
    setBase(fresh)
    setTheirs(null)
    if (typedSince) return
    fromServer.current = true
    setForm(fresh)
    setRevision((r) => r + 1)
  }

  /** Puts other words in the form (a local backup): unsaved edits against the article as loaded. */
  const replaceForm = (next: ArticleForm) => {
    fromServer.current = false
    setForm(next)
    setRevision((r) => r + 1)
  }

  /** A 412: fetch what the server has now, to show beside the user's text. */
  const conflictWith = async () => {
    if (article === null) return
    try {
      setTheirs((await api.getArticle(article.id)).data)
    } catch {
      setTheirs(article)
    }
  }

  const reload = async () => {
    if (id === null) return
    setLoading(true)
    try {
      apply((await api.getArticle(id)).data)
      setMessage(null)
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 404) setMissing(true)
      else setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) })
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    api.listCategories().then((res) => setCategories(res.data), () => setCategories([]))
    api.listAuthors().then((res) => setAuthors(res.data), () => setAuthors([]))
    if (id !== null && handoff?.article.id === id) {
      apply(handoff.article)
      setMessage(handoff.message)
      handoff = null
      setLoading(false)
    } else {
      void reload()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const update = (patch: Partial<ArticleForm>) => setForm((f) => ({ ...f, ...patch }))

  /** The body editor's HTML; its normal form of the stored HTML is not an edit. */
  const onBody = (html: string, byUser: boolean) => {
    if (!byUser && fromServer.current) setBase((b) => ({ ...b, body_html: html }))
    setForm((f) => ({ ...f, body_html: html }))
  }

  /**
   * Saves what changed; returns the saved article (the same one when nothing changed).
   * `over`: the server's newer version, to save the user's text over it ("keep mine":
   * every field that differs from it, under its version, as a new version).
   */
  const save = async (over?: AdminArticle): Promise<AdminArticle> => {
    sent.current = form
    try {
      if (article === null) return (await api.createArticle(createBody(form))).data
      const from = over ?? article
      const patch = patchBody(over ? formOf(over) : base, form)
      return patch === null ? from : (await api.updateArticle(from.id, from.version, patch)).data
    } catch (err) {
      sent.current = null
      if (err instanceof ApiFailure && err.status === 412) void conflictWith()
      throw err
    }
  }

  /** The end of a save or a step: show the result (moving a new article to its own URL). */
  const settle = (a: AdminArticle, next: Message) => {
    if (id === null) {
      handoff = { article: a, message: next }
      navigate({ name: 'edit', id: a.id }, { replace: true })
      return
    }
    apply(a)
    setMessage(next)
  }

  const dirty = article === null ? form.title.trim() !== '' || isDirty(base, form) : isDirty(base, form)

  return { article, base, form, revision, categories, authors, loading, missing, theirs, message, dirty, update, onBody, save, settle, reload, replaceForm, setTheirs, setMessage }
}
