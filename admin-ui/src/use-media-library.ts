import { useEffect, useState } from 'preact/hooks'
import { mediaApi, type MediaItem } from './media-api'
import { useKeysetPages } from './use-keyset-pages'

/** How long typing may pause before the search runs. */
const DEBOUNCE_MS = 300

/**
 * The library as a grid shows it: newest first, searched by `query` (debounced),
 * grown by "load more" through next_cursor. Only the newest request may fill the
 * list, so a slow earlier search never overwrites a later one. Uploads, edits and
 * deletes made on the screen are applied in place without a reload.
 */
export function useMediaLibrary(pageSize = 24) {
  const [query, setQuery] = useState('')
  const { items, setItems, cursor, loading, error, load: loadPage } = useKeysetPages<MediaItem>()
  const load = (q: string, after: string | null) => loadPage((from) => mediaApi.list({ q, cursor: from, limit: pageSize }), after)

  useEffect(() => {
    const timer = setTimeout(() => void load(query, null), query === '' ? 0 : DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query])

  return {
    query,
    setQuery,
    items,
    loading,
    error,
    hasMore: cursor !== null,
    loadMore: () => void load(query, cursor),
    /** An upload (or the existing item of a duplicate) goes first. */
    added: (item: MediaItem) => setItems((prev) => [item, ...prev.filter((i) => i.id !== item.id)]),
    replaced: (item: MediaItem) => setItems((prev) => prev.map((i) => (i.id === item.id ? item : i))),
    removed: (id: number) => setItems((prev) => prev.filter((i) => i.id !== id)),
  }
}
