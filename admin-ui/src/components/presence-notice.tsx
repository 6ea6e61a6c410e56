import { useEffect, useState } from 'preact/hooks'
import { api } from '../api'
import { useT } from '../i18n'

type Others = Awaited<ReturnType<typeof api.presence>>['data']

/** How often the editor says "I have this open"; the server forgets a heartbeat after 70 s. */
export const HEARTBEAT_MS = 30_000

/**
 * Sends the heartbeat while the article is open (and says goodbye when it closes)
 * and names whoever else has it open. Advisory: nothing is locked, and a failed
 * heartbeat is simply tried again at the next beat.
 */
export function PresenceNotice({ articleId }: { articleId: number }) {
  const t = useT()
  const [others, setOthers] = useState<Others>([])
  useEffect(() => {
    let live = true
    const beat = () =>
      api.presence(articleId).then(
        (res) => live && setOthers(res.data),
        () => {},
      )
    void beat()
    const timer = setInterval(beat, HEARTBEAT_MS)
    return () => {
      live = false
      clearInterval(timer)
      api.leave(articleId)
    }
  }, [articleId])
  if (others.length === 0) return null
  return (
    <p class="message info presence" role="status" data-testid="presence">
      {t('presence.others', { names: others.map((o) => o.name).join(', ') })}
    </p>
  )
}
