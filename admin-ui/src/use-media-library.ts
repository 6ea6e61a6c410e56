import { useEffect, useRef, useState } from 'preact/hooks'
import { errorText } from './error-text'
import { useT } from './i18n'
import { mediaApi, type MediaItem } from './media-api'

/** How long typing may pause before the search runs. */
const DEBOUNCE_MS = 300

/**
 * The library as a grid shows it: newest first, searched by `query` (debounced),
 * grown by "load more" through next_cursor. Only the newest request may fill the
 * list, so a slow earlier search never overwrites a later one. Uploads, edits and
 * deletes made on the screen are applied in place without a reload.
 */
export function useMediaLibrary(pageSize = 24) {
  const t = useT()
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<MediaItem[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const request = useRef(0)

  const load = async (q: string, after: string | null) => {
    const mine = ++request.current
    setLoading(true)
    setError(null)
    try {
      const page = await mediaApi.list({ q, cursor: after, limit: pageSize })
      if (mine !== request.current) return
      setItems((prev) => (after ? [...prev, ...page.data.filter((i) => !prev.some((p) => p.id === i.id))] : page.data))
      setCursor(page.next_cursor)
    } catch (err) {
      if (mine === request.current) setError(errorText(t, err))
    } finally {
      if (mine === request.current) setLoading(false)
    }
  }

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
