import { useRef, useState } from 'preact/hooks'
import { errorText } from './error-text'
import { useT } from './i18n'

export interface KeysetPage<T> {
  data: T[]
  next_cursor: string | null
}

/**
 * A list read page by page through the API's next_cursor. `load(fetchPage, null)`
 * starts over, `load(fetchPage, cursor)` appends (an item already shown is not shown
 * twice). Only the newest request may fill the list, so a slow earlier filter or
 * search never overwrites a later one.
 *
 * @example
 * const pages = useKeysetPages<AdminArticle>()
 * useEffect(() => void pages.load((after) => api.listArticles({ cursor: after ?? undefined }), null), [])
 */
export function useKeysetPages<T extends { id: number }>() {
  const t = useT()
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const request = useRef(0)

  const load = async (fetchPage: (after: string | null) => Promise<KeysetPage<T>>, after: string | null) => {
    const mine = ++request.current
    setLoading(true)
    setError(null)
    try {
      const page = await fetchPage(after)
      if (mine !== request.current) return
      setItems((prev) => (after ? [...prev, ...page.data.filter((i) => !prev.some((p) => p.id === i.id))] : page.data))
      setCursor(page.next_cursor)
    } catch (err) {
      if (mine === request.current) setError(errorText(t, err))
    } finally {
      if (mine === request.current) setLoading(false)
    }
  }

  return { items, setItems, cursor, loading, error, setError, load }
}
