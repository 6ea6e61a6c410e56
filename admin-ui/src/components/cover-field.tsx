import { useEffect, useState } from 'preact/hooks'
import type { CoverForm, CoverMedia } from '../form-model'
import { useT } from '../i18n'
import { mediaApi, type MediaItem } from '../media-api'
import { mediaPath } from '../media-url'
import { MediaPicker } from './media-picker'

interface Props {
  cover: CoverForm | null
  onChange: (cover: CoverForm | null) => void
}

const mediaOf = ({ key, width, height, alt, caption, credit }: MediaItem): CoverMedia => ({ key, width, height, alt, caption, credit })

/**
 * The article's cover photo: chosen from the library, shown as a thumbnail, with this
 * article's own alt text, caption and credit (each empty field falls back to the
 * photo's default, shown as its placeholder). The photo comes with the article
 * (`cover_media`) or from the picker; when neither has it, it is fetched by id.
 */
export function CoverField({ cover, onChange }: Props) {
  const t = useT()
  const [picking, setPicking] = useState(false)
  const [fetched, setFetched] = useState<MediaItem | null>(null)
  const missing = cover !== null && cover.media === null && fetched?.id !== cover.media_id ? cover.media_id : null

  useEffect(() => {
    if (missing === null) return
    let live = true
    mediaApi.get(missing).then((res) => live && setFetched(res.data), () => {})
    return () => {
      live = false
    }
  }, [missing])

  const media = cover?.media ?? (fetched && fetched.id === cover?.media_id ? mediaOf(fetched) : null)
  const field = (name: 'alt' | 'caption' | 'credit', max: number) => (
    <>
      <label for={`cover-${name}`}>{t(`cover.${name}`)}</label>
      <input
        id={`cover-${name}`}
        maxLength={max}
        value={cover![name]}
        placeholder={media?.[name] || t('cover.noDefault')}
        onInput={(e) => onChange({ ...cover!, [name]: e.currentTarget.value })}
      />
    </>
  )

  return (
    <div class="cover-field" data-testid="cover-field">
      <span class="label">{t('cover.title')}</span>
      {media && <img class="cover-thumb" src={mediaPath(media.key)} alt="" width={media.width ?? undefined} height={media.height ?? undefined} data-testid="cover-thumb" />}
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
            setPicking(false)
            onChange({ media_id: picked.id, alt: '', caption: '', credit: '', media: mediaOf(picked) })
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </div>
  )
}
