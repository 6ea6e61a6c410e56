import { useEffect, useState } from 'preact/hooks'
import { errorText } from './error-text'
import { useT } from './i18n'

/**
 * Reads something once a screen shows (and again when `deps` change or `reload()`
 * is called): the value, the error text in the UI's language, and whether it is loading.
 *
 * @example
 * const { data, error, reload } = useLoad(() => newsroomApi.categories(), [])
 */
export function useLoad<T>(read: () => Promise<T>, deps: unknown[]) {
  const t = useT()
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setLoading(true)
    read().then(
      (value) => live && (setData(value), setError(null)),
      (err: unknown) => live && setError(errorText(t, err)),
    ).finally(() => live && setLoading(false))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round])
  return { data, setData, error, setError, loading, reload: () => setRound((r) => r + 1) }
}
