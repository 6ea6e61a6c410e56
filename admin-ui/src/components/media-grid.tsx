import { useT } from '../i18n'
import type { MediaItem } from '../media-api'
import { mediaPath } from '../media-url'

interface Props {
  items: MediaItem[]
  selectedId: number | null
  onSelect: (item: MediaItem) => void
  /** A double click (or Enter on a chosen tile): choose it at once. */
  onChoose?: (item: MediaItem) => void
  loading: boolean
  error: string | null
  hasMore: boolean
  onMore: () => void
}

/**
 * The library as tiles: each a button (aria-pressed when selected) with the photo
 * and its file name; a "load more" button while the API has a next page. Photos load
 * from this origin's /media/ path (the items' absolute URLs name the public site).
 */
export function MediaGrid({ items, selectedId, onSelect, onChoose, loading, error, hasMore, onMore }: Props) {
  const t = useT()
  return (
    <div class="media-grid-wrap" aria-busy={loading}>
      {error && <p class="message error" role="alert">{error}</p>}
      {!loading && !error && items.length === 0 && <p class="empty">{t('media.empty')}</p>}
      <ul class="media-grid" data-testid="media-grid">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              class="media-tile"
              aria-pressed={item.id === selectedId}
              title={item.alt || item.filename}
              onClick={() => (item.id === selectedId && onChoose ? onChoose(item) : onSelect(item))}
              onDblClick={() => onChoose?.(item)}
            >
              <img src={mediaPath(item.key)} alt="" loading="lazy" width={item.width} height={item.height} />
              <span class="media-tile-name">{item.filename}</span>
              <span class="visually-hidden">{item.alt}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="list-footer">
        {loading && <span aria-busy="true">{t('list.loading')}</span>}
        {hasMore && !loading && (
          <button type="button" class="button" onClick={onMore}>
            {t('list.more')}
          </button>
        )}
      </div>
    </div>
  )
}
