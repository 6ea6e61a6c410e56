import type { Message } from '../screens/use-article-editor'
import { useT } from '../i18n'

interface Props {
  message: Message
  /** The published article's public address, after a publish. */
  publicUrl: string | null
  onClosePublic: () => void
}

/**
 * The editor's messages (saved, autosaved, error) and the public link after a
 * publish, pinned to the bottom of the window: seen wherever the page is scrolled,
 * read out by screen readers (a polite live region; errors as alerts).
 */
export function EditorStatus({ message, publicUrl, onClosePublic }: Props) {
  const t = useT()
  return (
    <div class="editor-status" aria-live="polite">
      {publicUrl && (
        <p class="message success public-link" data-testid="public-link">
          {t('publish.publicLink')}{' '}
          <a href={publicUrl} target="_blank" rel="noopener">
            {publicUrl}
          </a>{' '}
          <button type="button" class="link-button" onClick={onClosePublic}>
            {t('preview.close')}
          </button>
        </p>
      )}
      {message && (
        <p class={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="editor-message">
          {message.text}
        </p>
      )}
    </div>
  )
}
