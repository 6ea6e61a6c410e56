import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { Category } from '../newsroom-api'

interface Props {
  all: Category[]
  /** The category being edited, or null for a new one. */
  cat: Category | null
  onSave: (body: { name?: string; slug?: string; parent_id?: number | null }) => void
  onCancel?: () => void
}

/** Name, slug (editing only: the old one keeps redirecting) and parent of a category. */
export function CategoryForm({ all, cat, onSave, onCancel }: Props) {
  const t = useT()
  const [name, setName] = useState(cat?.name ?? '')
  const [slug, setSlug] = useState(cat?.slug ?? '')
  const [parent, setParent] = useState(cat?.parent_id ? String(cat.parent_id) : '')
  const key = cat ? `cat-${cat.id}` : 'cat-new'
  const submit = (e: Event) => {
    e.preventDefault()
    const parent_id = parent ? Number(parent) : null
    if (!cat) {
      onSave({ name: name.trim(), parent_id })
      setName('')
      return
    }
    onSave({
      ...(name.trim() !== cat.name ? { name: name.trim() } : {}),
      ...(slug.trim() !== cat.slug ? { slug: slug.trim() } : {}),
      ...(parent_id !== cat.parent_id ? { parent_id } : {}),
    })
  }
  return (
    <form class="inline-form" onSubmit={submit}>
      <div>
        <label for={`${key}-name`}>{t('common.name')}</label>
        <input id={`${key}-name`} value={name} required maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      {cat && (
        <div>
          <label for={`${key}-slug`}>{t('common.slug')}</label>
          <input id={`${key}-slug`} value={slug} required aria-describedby={`${key}-slug-hint`} onInput={(e) => setSlug(e.currentTarget.value)} />
          <p class="hint" id={`${key}-slug-hint`}>{t('cat.slugNote')}</p>
        </div>
      )}
      <div>
        <label for={`${key}-parent`}>{t('cat.parent')}</label>
        <select id={`${key}-parent`} value={parent} onChange={(e) => setParent(e.currentTarget.value)}>
          <option value="">{t('cat.none')}</option>
          {all.filter((c) => c.id !== cat?.id).map((c) => (
            <option value={String(c.id)}>{c.name}</option>
          ))}
        </select>
      </div>
      <div class="form-actions">
        <button type="submit" class="button primary">
          {cat ? t('common.save') : t('common.create')}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
