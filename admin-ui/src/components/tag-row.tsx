import { useState } from 'preact/hooks'
import { useT } from '../i18n'
import type { Tag } from '../newsroom-api'

interface Props {
  tag: Tag
  tags: Tag[]
  canEdit: boolean
  onMerge: (from: Tag, into: Tag) => void
  onRename: (body: { name?: string; slug?: string }) => void
}

/** One tag: name, slug, count; for editors a rename form and a "merge into" choice. */
export function TagRow({ tag, tags, canEdit, onMerge, onRename }: Props) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState(tag.name)
  const [slug, setSlug] = useState(tag.slug)
  const [into, setInto] = useState('')
  const key = `tag-${tag.id}`
  if (editing) {
    return (
      <li class="tree-row">
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            onRename({ ...(name.trim() !== tag.name ? { name: name.trim() } : {}), ...(slug.trim() !== tag.slug ? { slug: slug.trim() } : {}) })
            setEditing(false)
          }}
        >
          <div>
            <label for={`${key}-name`}>{t('common.name')}</label>
            <input id={`${key}-name`} value={name} required onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div>
            <label for={`${key}-slug`}>{t('common.slug')}</label>
            <input id={`${key}-slug`} value={slug} required onInput={(e) => setSlug(e.currentTarget.value)} />
          </div>
          <div class="form-actions">
            <button type="submit" class="button primary">{t('common.save')}</button>
            <button type="button" class="button" onClick={() => setEditing(false)}>{t('common.cancel')}</button>
          </div>
        </form>
      </li>
    )
  }
  return (
    <li class="tree-row" data-testid={`tag-${tag.slug}`}>
      <span class="tree-name">{tag.name}</span>
      <code class="slug">{tag.slug}</code>
      <span class="muted">{t('cat.count', { count: tag.article_count })}</span>
      {canEdit && (
        <span class="row-actions">
          <button type="button" class="button small" aria-label={t('common.renameLabel', { name: tag.name })} onClick={() => setEditing(true)}>
            {t('common.rename')}
          </button>
          <select aria-label={t('tag.mergeLabel', { name: tag.name })} value={into} onChange={(e) => setInto(e.currentTarget.value)}>
            <option value="">{t('tag.merge')}</option>
            {tags.filter((x) => x.id !== tag.id).map((x) => (
              <option value={String(x.id)}>{x.name}</option>
            ))}
          </select>
          <button
            type="button"
            class="button small"
            disabled={!into}
            onClick={() => {
              const target = tags.find((x) => String(x.id) === into)
              if (target) onMerge(tag, target)
            }}
          >
            {t('tag.mergeDo')}
            <span class="visually-hidden"> {tag.name}</span>
          </button>
        </span>
      )}
    </li>
  )
}
