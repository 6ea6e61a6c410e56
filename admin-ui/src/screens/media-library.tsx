import { useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { MediaDetails } from '../components/media-details'
import { MediaGrid } from '../components/media-grid'
import { MediaSearch } from '../components/media-search'
import { MediaUpload } from '../components/media-upload'
import { useT } from '../i18n'
import { useMediaLibrary } from '../use-media-library'

/** The photo library: upload, search, and one selected photo's details (texts, where it is used, delete). */
export function MediaLibrary({ user }: { user: StaffUser }) {
  const t = useT()
  const lib = useMediaLibrary(30)
  const [selected, setSelected] = useState<number | null>(null)

  return (
    <div class="media-library">
      <div class="toolbar-row">
        <h1>{t('media.title')}</h1>
      </div>
      <MediaUpload
        onUploaded={(item) => {
          lib.added(item)
          setSelected(item.id)
        }}
      />
      <div class="media-columns">
        <section aria-label={t('media.title')}>
          <MediaSearch value={lib.query} onInput={lib.setQuery} />
          <MediaGrid
            items={lib.items}
            selectedId={selected}
            onSelect={(item) => setSelected(item.id)}
            loading={lib.loading}
            error={lib.error}
            hasMore={lib.hasMore}
            onMore={lib.loadMore}
          />
        </section>
        {selected !== null && (
          <MediaDetails
            key={selected}
            id={selected}
            user={user}
            onSaved={lib.replaced}
            onDeleted={(id) => {
              lib.removed(id)
              setSelected(null)
            }}
          />
        )}
      </div>
    </div>
  )
}
