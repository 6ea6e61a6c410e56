import { useEffect, useRef, useState } from 'preact/hooks'
import type { FigureInput } from '../editor/figure'
import { useT } from '../i18n'
import type { MediaItem } from '../media-api'
import { mediaPath } from '../media-url'

interface Props {
  item: MediaItem
  onInsert: (figure: FigureInput) => void
  onClose: () => void
}

/**
 * The last step before a photo goes into the body: its alt text, shown and required
 * (prefilled with the library's default, which the editor sees and may change for
 * this article), and a caption to start with (editable later under the photo).
 */
export function FigureDialog({ item, onInsert, onClose }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [alt, setAlt] = useState(item.alt)
  const [caption, setCaption] = useState(item.caption)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  const submit = (e: Event) => {
    // The dialog sits inside the article's form: its submit must not save the article.
    e.preventDefault()
    e.stopPropagation()
    onInsert({ src: mediaPath(item.key), alt: alt.trim(), width: item.width, height: item.height, caption })
    dialog.current?.close()
  }

  return (
    <dialog ref={dialog} class="card dialog" aria-labelledby="figure-dialog-title" onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id="figure-dialog-title">{t('figure.title')}</h2>
        <img class="figure-dialog-photo" src={mediaPath(item.key)} alt="" width={item.width} height={item.height} />
        <label for="figure-alt">{t('figure.alt')}</label>
        <input id="figure-alt" required maxLength={500} value={alt} aria-describedby="figure-alt-hint" onInput={(e) => setAlt(e.currentTarget.value)} />
        <p id="figure-alt-hint" class="hint">
          {t('figure.altHint')}
        </p>
        <label for="figure-caption">{t('figure.caption')}</label>
        <input id="figure-caption" maxLength={1000} value={caption} onInput={(e) => setCaption(e.currentTarget.value)} />
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()}>
            {t('schedule.cancel')}
          </button>
          <button type="submit" class="button primary">
            {t('figure.insert')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
