import { useLayoutEffect, useRef } from 'preact/hooks'
import { toSlug } from '../../../worker/lib/slug'
import type { ArticleForm } from '../form-model'
import { useT } from '../i18n'
import { BodyEditor } from './body-editor'

interface Props {
  form: ArticleForm
  update: (patch: Partial<ArticleForm>) => void
  onBody: (html: string, byUser: boolean) => void
  /** Changes when a server version replaces the form (see BodyEditor). */
  revision: number
  published: boolean
  disabled: boolean
}

/**
 * Title, slug, sapo and body. The slug follows the title (folded with the worker's
 * own toSlug, so "Đà Nẵng" gives `da-nang` here exactly as in the API) until the
 * editor types one.
 */
export function ArticleMainFields({ form, update, onBody, revision, published, disabled }: Props) {
  const t = useT()
  const setTitle = (title: string) => update(form.slugEdited ? { title } : { title, slug: toSlug(title) })
  // The title box grows with the title: a long headline on a phone is read whole, never cut at two lines.
  const titleBox = useRef<HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const box = titleBox.current
    if (!box) return
    box.style.height = 'auto'
    box.style.height = `${box.scrollHeight + 2}px`
  }, [form.title])
  return (
    <div class="main-fields">
      <label for="article-title">{t('field.title')}</label>
      <textarea
        id="article-title"
        ref={titleBox}
        class="title-input"
        rows={1}
        maxLength={300}
        required
        disabled={disabled}
        value={form.title}
        onInput={(e) => setTitle(e.currentTarget.value.replace(/\n/g, ' '))}
      />
      <label for="article-slug">{t('field.slug')}</label>
      <input
        id="article-slug"
        class="slug-input"
        maxLength={96}
        pattern="[a-z0-9]+(-[a-z0-9]+)*"
        spellcheck={false}
        disabled={disabled}
        aria-describedby="article-slug-hint"
        value={form.slug}
        onInput={(e) => update({ slug: e.currentTarget.value, slugEdited: true })}
        onBlur={(e) => {
          const cleaned = toSlug(e.currentTarget.value)
          if (cleaned !== form.slug) update({ slug: cleaned, slugEdited: cleaned !== '' })
        }}
      />
      <p id="article-slug-hint" class="hint">
        {published ? t('field.slugLocked') : form.slugEdited ? '' : t('field.slugAuto')}
      </p>
      <label for="article-summary">{t('field.summary')}</label>
      <textarea
        id="article-summary"
        class="summary-input"
        rows={3}
        maxLength={2000}
        disabled={disabled}
        value={form.summary}
        onInput={(e) => update({ summary: e.currentTarget.value })}
      />
      <span id="article-body-label" class="label">
        {t('field.body')}
      </span>
      <BodyEditor value={form.body_html} revision={revision} onChange={onBody} labelledBy="article-body-label" disabled={disabled} />
    </div>
  )
}
