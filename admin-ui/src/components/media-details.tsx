import { useEffect, useState } from 'preact/hooks'
import { ApiFailure, type StaffUser } from '../api'
import { errorText } from '../error-text'
import { useT } from '../i18n'
import { mediaApi, type MediaDetail, type MediaItem, type MediaText } from '../media-api'
import { mediaPath } from '../media-url'
import { displayTime } from '../time'
import { MediaDelete } from './media-delete'
import { MediaUsedBy } from './media-used-by'

interface Props {
  id: number
  user: StaffUser
  onSaved: (item: MediaItem) => void
  onDeleted: (id: number) => void
}

type Message = { kind: 'success' | 'error' | 'warning'; text: string; reload?: boolean } | null

/**
 * One photo: its facts, its default alt text, caption and credit (saved with
 * If-Match: a 412 says someone else changed it and offers a reload), the articles
 * that use it, and delete.
 */
export function MediaDetails({ id, user, onSaved, onDeleted }: Props) {
  const t = useT()
  const [item, setItem] = useState<MediaDetail | null>(null)
  const [text, setText] = useState<MediaText>({ alt: '', caption: '', credit: '' })
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message>(null)

  const load = async () => {
    try {
      const { data } = await mediaApi.get(id)
      setItem(data)
      setText({ alt: data.alt, caption: data.caption, credit: data.credit })
      setMessage(null)
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(t, err) })
    }
  }
  useEffect(() => void load(), [id])

  const save = async (e: Event) => {
    e.preventDefault()
    if (!item) return
    setBusy(true)
    try {
      const { data } = await mediaApi.patch(item.id, item.version, text)
      setItem({ ...data, used_by: item.used_by })
      onSaved(data)
      setMessage({ kind: 'success', text: t('media.saved') })
    } catch (err) {
      const stale = err instanceof ApiFailure && err.status === 412
      setMessage(stale ? { kind: 'warning', text: t('media.conflict'), reload: true } : { kind: 'error', text: errorText(t, err) })
    } finally {
      setBusy(false)
    }
  }

  if (!item) return <aside class="media-details card">{message ? <p class="message error">{message.text}</p> : <p aria-busy="true">{t('list.loading')}</p>}</aside>
  const field = (name: keyof MediaText, max: number) => (
    <>
      <label for={`media-${name}`}>{t(`media.${name}`)}</label>
      <input id={`media-${name}`} maxLength={max} value={text[name]} onInput={(e) => setText({ ...text, [name]: e.currentTarget.value })} />
    </>
  )

  return (
    <aside class="media-details card" aria-labelledby="media-details-title" data-testid="media-details">
      <img class="media-details-photo" src={mediaPath(item.key)} alt={item.alt} width={item.width} height={item.height} />
      <h2 id="media-details-title">{item.filename}</h2>
      <p class="muted">{t('media.facts', { width: item.width, height: item.height, size: (item.bytes / 1024).toFixed(0), time: displayTime(item.created_at), who: item.uploaded_by?.name ?? '—' })}</p>
      {message && (
        <div class={`message ${message.kind}`} role={message.kind === 'success' ? 'status' : 'alert'} data-testid="media-message">
          <p>{message.text}</p>
          {message.reload && (
            <button type="button" class="button small" onClick={() => void load()}>
              {t('editor.reload')}
            </button>
          )}
        </div>
      )}
      <form onSubmit={save}>
        {field('alt', 500)}
        {field('caption', 1000)}
        {field('credit', 200)}
        <div class="dialog-actions">
          <button type="submit" class="button primary" disabled={busy}>
            {t('editor.save')}
          </button>
        </div>
      </form>
      <MediaUsedBy usedBy={item.used_by} />
      <MediaDelete item={item} isAdmin={user.role === 'admin'} onDeleted={() => onDeleted(item.id)} />
    </aside>
  )
}
