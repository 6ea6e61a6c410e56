import type { ArticleStatus, Role } from '../../../schema/database'

/**
 * Who may do what to an article, as one pure table (no I/O), so a test can walk
 * every state x action x role. DESIGN.md: admins and editors publish anything;
 * authors write and submit their own drafts; contributors write drafts only.
 * Trash is not a status: it is `deleted_at`, orthogonal to the workflow state.
 */
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'archived']
export const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor']

export const WORKFLOW_ACTIONS = ['submit', 'publish', 'schedule', 'unpublish', 'archive'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]
export type ArticleAction = WorkflowAction | 'edit' | 'delete' | 'restore' | 'purge'
export const ARTICLE_ACTIONS: readonly ArticleAction[] = [...WORKFLOW_ACTIONS, 'edit', 'delete', 'restore', 'purge']

export interface ArticleFacts {
  status: ArticleStatus
  trashed: boolean
  /** The acting user created the article. */
  own: boolean
}

export type Decision =
  | { allowed: true; to: ArticleStatus }
  | { allowed: false; status: 403 | 409; reason: string }

const isDesk = (role: Role) => role === 'admin' || role === 'editor'

/** Writing and trashing: the desk anything; authors their own drafts and submissions; contributors their own drafts. */
const mayWrite = (role: Role, f: ArticleFacts) =>
  isDesk(role) ||
  (role === 'author' && f.own && (f.status === 'draft' || f.status === 'review')) ||
  (role === 'contributor' && f.own && f.status === 'draft')

interface Rule {
  may: (role: Role, f: ArticleFacts) => boolean
  /** States the action starts from. */
  from: readonly ArticleStatus[]
  /** The state after it; `null` keeps the current one. */
  to: ArticleStatus | null
  /** Acts on trashed articles only (true) or on live ones only (false). */
  inTrash: boolean
}

const RULES: Record<ArticleAction, Rule> = {
  edit: { may: mayWrite, from: ARTICLE_STATUSES, to: null, inTrash: false },
  delete: { may: mayWrite, from: ARTICLE_STATUSES, to: null, inTrash: false },
  restore: { may: mayWrite, from: ARTICLE_STATUSES, to: null, inTrash: true },
  purge: { may: (role) => role === 'admin', from: ARTICLE_STATUSES, to: null, inTrash: true },
  submit: { may: (role, f) => isDesk(role) || (role === 'author' && f.own), from: ['draft'], to: 'review', inTrash: false },
  publish: { may: isDesk, from: ['draft', 'review', 'scheduled', 'archived'], to: 'published', inTrash: false },
  schedule: { may: isDesk, from: ['draft', 'review', 'scheduled'], to: 'scheduled', inTrash: false },
  unpublish: { may: isDesk, from: ['review', 'scheduled', 'published'], to: 'draft', inTrash: false },
  archive: { may: isDesk, from: ['published'], to: 'archived', inTrash: false },
}

/**
 * Whether `role` may do `action` to an article in these circumstances, and the
 * resulting status. Refusals say why: 403 for the role, 409 for the state.
 *
 * @example
 * decide('publish', 'author', { status: 'draft', trashed: false, own: true })
 * // { allowed: false, status: 403, reason: 'An author may not publish this article' }
 */
export function decide(action: ArticleAction, role: Role, facts: ArticleFacts): Decision {
  const rule = RULES[action]
  if (!rule.may(role, facts)) {
    return { allowed: false, status: 403, reason: `${role === 'contributor' ? 'A' : 'An'} ${role} may not ${action} this article` }
  }
  if (facts.trashed !== rule.inTrash) {
    return {
      allowed: false,
      status: 409,
      reason: facts.trashed ? 'The article is in the trash; restore it first' : 'Only an article in the trash can be ' + (action === 'purge' ? 'purged' : 'restored'),
    }
  }
  if (!rule.from.includes(facts.status)) {
    return { allowed: false, status: 409, reason: `A ${facts.status} article cannot be ${PAST_TENSE[action]} (allowed from: ${rule.from.join(', ')})` }
  }
  return { allowed: true, to: rule.to ?? facts.status }
}

/** How the audit log and messages name a done action. */
export const PAST_TENSE: Record<ArticleAction, string> = {
  submit: 'submitted',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
  archive: 'archived',
  edit: 'edited',
  delete: 'deleted',
  restore: 'restored',
  purge: 'purged',
}
