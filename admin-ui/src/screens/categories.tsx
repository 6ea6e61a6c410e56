import { useState } from 'preact/hooks'
import type { StaffUser } from '../api'
import { Messages } from '../components/messages'
import { useT } from '../i18n'
import { newsroomApi, type Category } from '../newsroom-api'
import { useDocumentTitle } from '../use-document-title'
import { useAction } from '../use-action'
import { useLoad } from '../use-load'
import { CategoryForm } from '../components/category-form'

/** The categories in tree order (children under their parent), each with its depth. */
export function treeOrder(all: Category[]): { cat: Category; depth: number }[] {
  const out: { cat: Category; depth: number }[] = []
  const walk = (parent: number | null, depth: number) => {
    for (const cat of all.filter((c) => c.parent_id === parent)) {
      out.push({ cat, depth })
      if (depth < 10) walk(cat.id, depth + 1)
    }
  }
  walk(null, 0)
  return out
}

/**
 * The category tree: add, rename (a new slug keeps the old one redirecting),
 * move under another parent, reorder among siblings. Editors and admins change it;
 * others read it.
 */
export function Categories({ user }: { user: StaffUser }) {
  const t = useT()
  useDocumentTitle(t('cat.title'))
  const canEdit = user.role === 'admin' || user.role === 'editor'
  const { data, error, setError, reload } = useLoad(() => newsroomApi.categories(), [])
  const [editing, setEditing] = useState<number | null>(null)
  const all = data?.data ?? []
  const rows = treeOrder(all)

  const { notice, run: attempt } = useAction(setError, reload)
  const run = (work: () => Promise<unknown>, done: string) => attempt(work, done).then(() => setEditing(null), () => {})

  /** Swaps a category with its neighbour among siblings; positions are renumbered 0..n so equal ones move too. */
  const move = (cat: Category, by: -1 | 1) => {
    const siblings = all.filter((c) => c.parent_id === cat.parent_id)
    const i = siblings.findIndex((c) => c.id === cat.id)
    const j = i + by
    if (j < 0 || j >= siblings.length) return
    const order = [...siblings]
    ;[order[i], order[j]] = [order[j]!, order[i]!]
    const changes = order.map((c, position) => ({ c, position })).filter(({ c, position }) => c.position !== position)
    void run(async () => {
      for (const { c, position } of changes) await newsroomApi.updateCategory(c, { position })
    }, t('common.saved'))
  }

  return (
    <section class="manage" aria-labelledby="cat-title">
      <h1 id="cat-title">{t('cat.title')}</h1>
      <Messages notice={notice} error={error} />
      {!canEdit && <p class="message info">{t('cat.readOnly')}</p>}
      <ul class="tree" aria-labelledby="cat-title">
        {rows.map(({ cat, depth }) => {
          const siblings = all.filter((c) => c.parent_id === cat.parent_id)
          const index = siblings.findIndex((c) => c.id === cat.id)
          return (
            <li key={cat.id} class="tree-row" style={{ paddingLeft: `${depth * 1.5}rem` }} data-testid={`category-${cat.slug}`}>
              {editing === cat.id ? (
                <CategoryForm
                  all={all}
                  cat={cat}
                  onCancel={() => setEditing(null)}
                  onSave={(body) => run(() => newsroomApi.updateCategory(cat, body), t('common.saved'))}
                />
              ) : (
                <>
                  <span class="tree-name">{cat.name}</span>
                  <code class="slug">{cat.slug}</code>
                  <span class="muted">{t('cat.count', { count: cat.article_count })}</span>
                  {canEdit && (
                    <span class="row-actions">
                      <button type="button" class="button small" aria-label={t('cat.upLabel', { name: cat.name })} disabled={index === 0} onClick={() => move(cat, -1)}>
                        ↑
                      </button>
                      <button type="button" class="button small" aria-label={t('cat.downLabel', { name: cat.name })} disabled={index === siblings.length - 1} onClick={() => move(cat, 1)}>
                        ↓
                      </button>
                      <button type="button" class="button small" aria-label={t('common.renameLabel', { name: cat.name })} onClick={() => setEditing(cat.id)}>
                        {t('common.rename')}
                      </button>
                    </span>
                  )}
                </>
              )}
            </li>
          )
        })}
      </ul>
      {canEdit && (
        <div class="card manage-add">
          <h2>{t('cat.new')}</h2>
          <CategoryForm all={all} cat={null} onSave={(body) => run(() => newsroomApi.createCategory({ name: body.name!, parent_id: body.parent_id ?? null, position: all.length }), t('common.saved'))} />
        </div>
      )}
    </section>
  )
}
