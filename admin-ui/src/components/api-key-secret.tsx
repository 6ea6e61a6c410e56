import { useState } from 'preact/hooks'
import { useT } from '../i18n'

/** A new key's secret, shown once: copy it now, it will not be shown again. */
export function ApiKeySecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret)
      setCopied(true)
    } catch {
      // No clipboard permission: the secret stays selectable in the field.
    }
  }
  return (
    <div class="message warning" role="alert" data-testid="api-key-secret">
      <h2>{t('keys.secretTitle')}</h2>
      <p>{t('keys.secretOnce')}</p>
      <p class="filter">
        <input readOnly value={secret} data-testid="api-key-secret-value" onFocus={(e) => e.currentTarget.select()} size={60} />
        <button type="button" class="button small" onClick={() => void copy()}>
          {copied ? t('keys.copied') : t('keys.copy')}
        </button>
      </p>
      <button type="button" class="button primary small" onClick={onDone}>
        {t('keys.done')}
      </button>
    </div>
  )
}
