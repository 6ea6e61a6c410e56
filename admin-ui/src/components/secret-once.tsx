import { useT } from '../i18n'

/** A signing secret just made: shown this once, to copy into the partner's receiver. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const t = useT()
  return (
    <div class="notice secret-once" role="status">
      <p>{t('webhooks.secretOnce')}</p>
      <input class="secret" readOnly value={secret} aria-label={t('webhooks.secret')} data-testid="webhook-secret" onFocus={(e) => e.currentTarget.select()} />
      <button type="button" class="button small" onClick={onDone}>
        {t('webhooks.secretStored')}
      </button>
    </div>
  )
}
