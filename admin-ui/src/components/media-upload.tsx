import { useId, useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { MediaItem } from '../media-api'
import { uploadErrorText } from '../media-error-text'
import { uploadMedia } from '../media-upload-request'

interface Props {
  onUploaded: (item: MediaItem) => void
}

/**
 * Adds photos to the library: dropped on the zone or chosen with the file button,
 * one after another, each with a progress bar. A refused file is named with the
 * reason (too big, not an image, unreadable) and the others still go up.
 */
export function MediaUpload({ onUploaded }: Props) {
  const t = useT()
  const id = useId()
  const [current, setCurrent] = useState<{ name: string; sent: number } | null>(null)
  const [refused, setRefused] = useState<string[]>([])
  const [done, setDone] = useState<string | null>(null)
  const [over, setOver] = useState(false)

  const upload = async (files: File[]) => {
    setRefused([])
    setDone(null)
    for (const file of files) {
      setCurrent({ name: file.name, sent: 0 })
      try {
        const res = await uploadMedia(file, (sent) => setCurrent({ name: file.name, sent }))
        onUploaded(res.data)
        setDone(t(res.duplicate ? 'upload.duplicate' : 'upload.done', { name: file.name }))
      } catch (err) {
        setRefused((r) => [...r, uploadErrorText(t, err, file)])
      }
    }
    setCurrent(null)
  }

  return (
    <div
      class={`media-upload${over ? ' over' : ''}`}
      data-testid="media-upload"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault()
        setOver(false)
        void upload([...(e.dataTransfer?.files ?? [])])
      }}
    >
      <p class="media-upload-hint">{t('upload.drop')}</p>
      <label class="button" for={`${id}-file`}>
        {t('upload.choose')}
      </label>
      <input
        id={`${id}-file`}
        class="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        multiple
        disabled={current !== null}
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])]
          e.currentTarget.value = ''
          void upload(files)
        }}
      />
      {current && (
        <div class="upload-progress" role="status">
          <label for={`${id}-progress`}>{t('upload.sending', { name: current.name })}</label>
          <progress id={`${id}-progress`} max={1} value={current.sent} data-testid="upload-progress" />
        </div>
      )}
      {!current && done && <p class="message success" role="status">{done}</p>}
      {refused.length > 0 && (
        <div class="message error" role="alert" data-testid="upload-refused">
          {refused.map((text) => (
            <p>{text}</p>
          ))}
        </div>
      )}
    </div>
  )
}
