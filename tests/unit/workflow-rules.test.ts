import { describe, expect, it } from 'vitest'
import type { ArticleStatus, Role } from '../../schema/database'
import { ARTICLE_ACTIONS, ARTICLE_STATUSES, ROLES, decide, type ArticleAction } from '../../worker/services/editorial/rules'

/**
 * The workflow written out as plain sentences, independently of rules.ts:
 * which action leads where from which states, and who may do it.
 */
const FROM: Record<ArticleAction, ArticleStatus[]> = {
  submit: ['draft'],
  publish: ['draft', 'review', 'scheduled', 'archived'],
  schedule: ['draft', 'review', 'scheduled'],
  unpublish: ['review', 'scheduled', 'published'],
  archive: ['published'],
  edit: ['draft', 'review', 'scheduled', 'published', 'archived'],
  delete: ['draft', 'review', 'scheduled', 'published', 'archived'],
  restore: ['draft', 'review', 'scheduled', 'published', 'archived'],
  purge: ['draft', 'review', 'scheduled', 'published', 'archived'],
}
const TO: Partial<Record<ArticleAction, ArticleStatus>> = { submit: 'review', publish: 'published', schedule: 'scheduled', unpublish: 'draft', archive: 'archived' }
const IN_TRASH: ArticleAction[] = ['restore', 'purge']

function mayByRole(action: ArticleAction, role: Role, status: ArticleStatus, own: boolean): boolean {
  if (action === 'purge') return role === 'admin'
  if (role === 'admin' || role === 'editor') return true
  if (action === 'submit') return role === 'author' && own
  if (action === 'edit' || action === 'delete' || action === 'restore') {
    if (role === 'author') return own && (status === 'draft' || status === 'review')
    return own && status === 'draft'
  }
  return false // publish, schedule, unpublish, archive: desk only
}

describe('workflow rules: every state x trash x ownership x role x action', () => {
  const cells: [ArticleAction, Role, ArticleStatus, boolean, boolean][] = []
  for (const action of ARTICLE_ACTIONS)
    for (const role of ROLES)
      for (const status of ARTICLE_STATUSES)
        for (const trashed of [false, true])
          for (const own of [false, true]) cells.push([action, role, status, trashed, own])

  it('covers 9 actions x 4 roles x 5 states x 2 x 2 = 720 cells', () => {
    expect(cells).toHaveLength(720)
  })

  it.each(cells)('%s by %s on %s (trashed %s, own %s)', (action, role, status, trashed, own) => {
    const decision = decide(action, role, { status, trashed, own })
    if (!mayByRole(action, role, status, own)) {
      expect(decision).toMatchObject({ allowed: false, status: 403 })
    } else if (trashed !== IN_TRASH.includes(action) || !FROM[action].includes(status)) {
      expect(decision).toMatchObject({ allowed: false, status: 409 })
    } else {
      expect(decision).toEqual({ allowed: true, to: TO[action] ?? status })
    }
  })
})
