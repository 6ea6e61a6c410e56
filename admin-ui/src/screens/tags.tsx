import { useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { Messages } from '../components/messages'
import { TagRow } from '../components/tag-row'
import { useT } from '../i18n'
import { allPages, newsroomApi, type Tag } from '../newsroom-api'
import { useDocumentTitle } from '../use-document-title'
import { useAction } from '../use-action'
import { useLoad } from '../use-load'

/** Every tag in Vietnamese order with its article count: add, rename, merge one into another. */
export function Tags({ user }: { user: StaffUser }) {
  const t = useT()
  useDocumentTitle(t('tag.title'))
  const canEdit = user.role === 'admin' || user.role === 'editor'
  const { data, error, setError, reload } = useLoad(() => allPages((c) => newsroomApi.tags(c)), [])
  const [name, setName] = useState('')
  const tags = data ?? []

  const { notice, run: attempt } = useAction(setError, reload)
  const run = (work: () => Promise<unknown>, done: string) => attempt(work, done).catch(() => {})

  const merge = (from: Tag, into: Tag) => {
    if (!confirm(t('tag.confirmMerge', { from: from.name, into: into.name }))) return
    void run(() => newsroomApi.mergeTag(from.id, into.id), t('tag.merged', { from: from.name, into: into.name }))
  }

  return (
    <section class="manage" aria-labelledby="tag-title">
      <h1 id="tag-title">{t('tag.title')}</h1>
      <Messages notice={notice} error={error} />
      {canEdit && (
        <form
          class="inline-form card manage-add"
          onSubmit={(e) => {
            e.preventDefault()
            attempt(() => newsroomApi.createTag(name.trim()), t('common.saved')).then(() => setName(''), () => {})
          }}
        >
          <div>
            <label for="tag-new">{t('tag.new')}</label>
            <input id="tag-new" value={name} required maxLength={60} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="form-actions">
            <button type="submit" class="button primary">{t('common.create')}</button>
          </div>
        </form>
      )}
      <ul class="tree">
        {tags.map((tag) => (
          <TagRow key={tag.id} tag={tag} tags={tags} canEdit={canEdit} onMerge={merge} onRename={(body) => run(() => newsroomApi.updateTag(tag, body), t('common.saved'))} />
        ))}
      </ul>
    </section>
  )
}
