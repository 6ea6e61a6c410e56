import { useEffect, useRef } from 'preact/hooks'

/** Quiet time after the last keystroke before a draft is saved on its own. */
export const AUTOSAVE_DELAY_MS = 10_000

/**
 * Calls `save` once the form has been still for AUTOSAVE_DELAY_MS while `enabled`
 * (a draft or review article with unsaved edits). Every edit restarts the wait, so
 * it never saves mid-sentence; `save` itself declines while another save is in
 * flight (the editor runs one operation at a time, each under the If-Match version
 * the previous one returned), and the next edit arms it again.
 */
export function useAutosave(enabled: boolean, form: unknown, save: () => void) {
  const latest = useRef(save)
  latest.current = save
  useEffect(() => {
    if (!enabled) return
    const timer = setTimeout(() => latest.current(), AUTOSAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [enabled, form])
}
