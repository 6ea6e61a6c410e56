import type { Author } from '../api'
import { useT } from '../i18n'

interface Props {
  authors: Author[]
  selected: number[]
  onChange: (ids: number[]) => void
}

/** The article's bylines as a list of checkboxes (a group a screen reader names "Tác giả"). */
export function AuthorPicker({ authors, selected, onChange }: Props) {
  const t = useT()
  const toggle = (id: number, on: boolean) => onChange(on ? [...selected, id] : selected.filter((x) => x !== id))
  return (
    <fieldset class="author-picker">
      <legend class="label">{t('field.authors')}</legend>
      {authors.length === 0 ? (
        <p class="hint">{t('field.noAuthors')}</p>
      ) : (
        <div class="author-options">
          {authors.map((a) => (
            <label class="checkbox" key={a.id}>
              <input type="checkbox" checked={selected.includes(a.id)} onChange={(e) => toggle(a.id, e.currentTarget.checked)} />
              {a.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
