import { useId } from 'preact/hooks'
import { useT } from '../i18n'

/** The library's search box (filename, alt text, caption, credit; accents optional). */
export function MediaSearch({ value, onInput }: { value: string; onInput: (q: string) => void }) {
  const t = useT()
  const id = useId()
  return (
    <div class="media-search">
      <label for={id}>{t('media.search')}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={t('media.searchHint')}
        onInput={(e) => onInput(e.currentTarget.value)}
        // Enter must not submit the article form around the picker: the search runs as one types.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
    </div>
  )
}
