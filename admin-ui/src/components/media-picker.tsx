import { useEffect, useRef, useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { MediaItem } from '../media-api'
import { useMediaLibrary } from '../use-media-library'
import { MediaGrid } from './media-grid'
import { MediaSearch } from './media-search'
import { MediaUpload } from './media-upload'

interface Props {
  title: string
  onPick: (item: MediaItem) => void
  onClose: () => void
}

/**
 * Chooses a photo from the library, or uploads one first (it is then selected). A
 * native modal <dialog>: focus stays inside, Escape closes, the tiles are buttons.
 */
export function MediaPicker({ title, onPick, onClose }: Props) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const lib = useMediaLibrary()
  const [selected, setSelected] = useState<MediaItem | null>(null)

  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  return (
    <dialog ref={dialog} class="card dialog media-picker" aria-labelledby="media-picker-title" onClose={onClose}>
      <h2 id="media-picker-title">{title}</h2>
      <MediaUpload
        onUploaded={(item) => {
          lib.added(item)
          setSelected(item)
        }}
      />
      <MediaSearch value={lib.query} onInput={lib.setQuery} />
      <MediaGrid
        items={lib.items}
        selectedId={selected?.id ?? null}
        onSelect={setSelected}
        onChoose={onPick}
        loading={lib.loading}
        error={lib.error}
        hasMore={lib.hasMore}
        onMore={lib.loadMore}
      />
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => dialog.current?.close()}>
          {t('schedule.cancel')}
        </button>
        <button type="button" class="button primary" disabled={selected === null} onClick={() => selected && onPick(selected)}>
          {t('picker.choose')}
        </button>
      </div>
    </dialog>
  )
}
