import { useEffect, useState } from 'preact/hooks'
import type { CoverForm } from '../form-model'
import { useT } from '../i18n'
import { mediaApi, type MediaItem } from '../media-api'
import { mediaPath } from '../media-url'
import { MediaPicker } from './media-picker'

interface Props {
  cover: CoverForm | null
  onChange: (cover: CoverForm | null) => void
}

/** The thumbnail's address on this origin: the library path, whatever origin the API wrote. */
const thumbOf = (item: MediaItem | null, cover: CoverForm) => (item ? mediaPath(item.key) : cover.url ? new URL(cover.url, location.href).pathname : null)

/**
 * The article's cover photo: chosen from the library, shown as a thumbnail, with this
 * article's own alt text, caption and credit (each empty field falls back to the
 * photo's default, shown as its placeholder). The photo's defaults come from the
 * library item, fetched when the article was loaded rather than picked here.
 */
export function CoverField({ cover, onChange }: Props) {
  const t = useT()
  const [picking, setPicking] = useState(false)
  const [item, setItem] = useState<MediaItem | null>(null)
  const mediaId = cover?.media_id ?? null

  useEffect(() => {
    if (mediaId === null || item?.id === mediaId) return
    let live = true
    mediaApi.get(mediaId).then((res) => live && setItem(res.data), () => live && setItem(null))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mediaId])

  const field = (name: 'alt' | 'caption' | 'credit', max: number) => (
    <>
      <label for={`cover-${name}`}>{t(`cover.${name}`)}</label>
      <input
        id={`cover-${name}`}
        maxLength={max}
        value={cover![name]}
        placeholder={item?.[name] || t('cover.noDefault')}
        onInput={(e) => onChange({ ...cover!, [name]: e.currentTarget.value })}
      />
    </>
  )

  const thumb = cover && thumbOf(item?.id === cover.media_id ? item : null, cover)
  return (
    <div class="cover-field" data-testid="cover-field">
      <span class="label">{t('cover.title')}</span>
      {cover && thumb && <img class="cover-thumb" src={thumb} alt="" width={item?.width} height={item?.height} data-testid="cover-thumb" />}
      <div class="cover-actions">
        <button type="button" class="button small" aria-haspopup="dialog" onClick={() => setPicking(true)}>
          {t(cover ? 'cover.change' : 'cover.choose')}
        </button>
        {cover && (
          <button type="button" class="button small danger" onClick={() => onChange(null)}>
            {t('cover.remove')}
          </button>
        )}
      </div>
      {cover && [field('alt', 500), field('caption', 1000), field('credit', 200)]}
      {picking && (
        <MediaPicker
          title={t('picker.titleCover')}
          onPick={(picked) => {
            setItem(picked)
            setPicking(false)
            onChange({ media_id: picked.id, alt: '', caption: '', credit: '', url: null })
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  )
}
