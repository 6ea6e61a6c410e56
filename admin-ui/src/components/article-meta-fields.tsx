import type { Author, Category } from '../api'
import type { ArticleForm } from '../form-model'
import { useT } from '../i18n'
import { AuthorPicker } from './author-picker'
import { CoverField } from './cover-field'

interface Props {
  form: ArticleForm
  update: (patch: Partial<ArticleForm>) => void
  categories: Category[]
  authors: Author[]
  disabled: boolean
}

/** Categories in tree order, a child indented under its parent. */
function treeOrder(categories: Category[]): { category: Category; depth: number }[] {
  const children = new Map<number | null, Category[]>()
  for (const c of categories) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c])
  const out: { category: Category; depth: number }[] = []
  const walk = (parent: number | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ category: c, depth })
      if (depth < 8) walk(c.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

/** The cover, category, tags, bylines, source, featured flag and the SEO overrides. */
export function ArticleMetaFields({ form, update, categories, authors, disabled }: Props) {
  const t = useT()
  return (
    <fieldset class="meta-fields" disabled={disabled}>
      <legend class="visually-hidden">{t('editor.meta')}</legend>
      <CoverField cover={form.cover} onChange={(cover) => update({ cover })} />
      <label for="article-category">{t('field.category')}</label>
      <select id="article-category" value={form.category_id} onChange={(e) => update({ category_id: e.currentTarget.value })}>
        <option value="">{t('field.noCategory')}</option>
        {treeOrder(categories).map(({ category, depth }) => (
          <option value={String(category.id)}>{`${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '└ ' : ''}${category.name}`}</option>
        ))}
      </select>

      <label for="article-tags">{t('field.tags')}</label>
      <input id="article-tags" aria-describedby="article-tags-hint" value={form.tags} onInput={(e) => update({ tags: e.currentTarget.value })} />
      <p id="article-tags-hint" class="hint">
        {t('field.tagsHint')}
      </p>

      <AuthorPicker authors={authors} selected={form.author_ids} onChange={(author_ids) => update({ author_ids })} />

      <label for="article-source">{t('field.source')}</label>
      <input id="article-source" maxLength={200} value={form.source} placeholder="TTXVN" onInput={(e) => update({ source: e.currentTarget.value })} />

      <label class="checkbox">
        <input type="checkbox" checked={form.featured} onChange={(e) => update({ featured: e.currentTarget.checked })} />
        {t('field.featured')}
      </label>

      <details class="seo" open={form.seo_title !== '' || form.seo_description !== ''}>
        <summary>{t('field.seo')}</summary>
        <p class="hint">{t('field.seoHint')}</p>
        <label for="article-seo-title">{t('field.seoTitle')}</label>
        <input id="article-seo-title" maxLength={200} value={form.seo_title} onInput={(e) => update({ seo_title: e.currentTarget.value })} />
        <label for="article-seo-description">{t('field.seoDescription')}</label>
        <textarea
          id="article-seo-description"
          rows={3}
          maxLength={500}
          value={form.seo_description}
          onInput={(e) => update({ seo_description: e.currentTarget.value })}
        />
      </details>
    </fieldset>
  )
}
