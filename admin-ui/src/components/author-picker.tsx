import { useEffect, useId, useState } from 'preact/hooks'
import type { Author } from '../api'
import { canCreateAuthors, createAuthor, loadAuthors, matchAuthors } from '../author-directory'
import { errorText } from '../error-text'
import { useT } from '../i18n'

interface Props {
  /** Authors the editor already read (the first page); the picker reads the rest itself. */
  authors: Author[]
  selected: number[]
  onChange: (ids: number[]) => void
}

type Option = { kind: 'author'; author: Author } | { kind: 'create'; name: string }

/**
 * The article's bylines: chosen ones as removable chips, and a search box (an ARIA
 * combobox) over every author of the newsroom, accents optional. Arrow keys move,
 * Enter picks; when no name matches exactly, editors can add the author on the spot.
 */
export function AuthorPicker({ authors: given, selected, onChange }: Props) {
  const t = useT()
  const id = useId()
  const [all, setAll] = useState<Author[]>(given)
  const [typed, setTyped] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const [mayCreate, setMayCreate] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    loadAuthors().then(setAll, () => {})
    void canCreateAuthors().then(setMayCreate)
  }, [])

  const byId = new Map([...given, ...all].map((a) => [a.id, a]))
  const chosen = selected.map((s) => byId.get(s)).filter((a): a is Author => a !== undefined)
  const matches = matchAuthors([...byId.values()].filter((a) => !selected.includes(a.id)), typed)
  const exact = [...byId.values()].some((a) => a.name.toLocaleLowerCase('vi') === typed.trim().toLocaleLowerCase('vi'))
  const options: Option[] = [...matches.map((author) => ({ kind: 'author' as const, author })), ...(mayCreate && typed.trim() && !exact ? [{ kind: 'create' as const, name: typed.trim() }] : [])]

  const pick = async (o: Option) => {
    setError(null)
    try {
      const author = o.kind === 'author' ? o.author : await createAuthor(o.name)
      if (o.kind === 'create') setAll((prev) => [...prev, author])
      onChange([...selected, author.id])
      setTyped('')
      setActive(0)
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setOpen(true)
      setActive((i) => Math.min(i + 1, options.length - 1))
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((i) => Math.max(i - 1, 0))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const o = options[active]
      if (open && o) void pick(o)
    } else if (e.key === 'Escape') {
      setOpen(false)
    }
  }

  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-opt-${i}`
  return (
    <fieldset class="author-picker">
      <legend class="label">{t('field.authors')}</legend>
      <ul class="chips" aria-label={t('field.authors')}>
        {chosen.map((a) => (
          <li key={a.id} class="chip">
            {a.name}
            <button type="button" class="chip-remove" aria-label={t('author.remove', { name: a.name })} onClick={() => onChange(selected.filter((x) => x !== a.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <label for={`${id}-input`} class="visually-hidden">
        {t('author.search')}
      </label>
      <div class="combo">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          placeholder={t('author.search')}
          value={typed}
          autocomplete="off"
          onInput={(e) => {
            setTyped(e.currentTarget.value)
            setActive(0)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKey}
        />
        {open && options.length > 0 && (
          <ul id={listId} role="listbox" class="combo-list" aria-label={t('author.search')}>
            {options.map((o, i) => (
              <li
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault()
                  void pick(o)
                }}
              >
                {o.kind === 'author' ? o.author.name : t('author.create', { name: o.name })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p class="hint" id={`${id}-hint`}>
        {open && typed.trim() && options.length === 0 ? t('author.noMatch') : t('author.searchHint')}
      </p>
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
