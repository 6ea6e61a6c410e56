import { useState } from 'preact/hooks'
import { errorText } from './error-text'
import { useT } from './i18n'

/**
 * A management screen's writes: `run(work, done)` clears the messages, runs the
 * call, shows `done` or the error (via `setError`), then reloads the screen's data.
 * The promise rejects on failure, for a form that keeps its input then.
 */
export function useAction(setError: (e: string | null) => void, reload: () => void) {
  const t = useT()
  const [notice, setNotice] = useState<string | null>(null)
  const run = async (work: () => Promise<unknown>, done: string) => {
    setNotice(null)
    setError(null)
    try {
      await work()
      setNotice(done)
    } catch (err) {
      setError(errorText(t, err))
      throw err
    } finally {
      reload()
    }
  }
  return { notice, run }
}
