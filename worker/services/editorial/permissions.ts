import type { Article } from '../../../schema/database'
import { ApiError } from '../../lib/errors'
import type { Actor } from './actor'
import { decide, type ArticleAction } from './rules'

/**
 * Applies the workflow rules to one article for one actor: the status the action
 * leads to, or the 403/409 the rules give.
 */
export function authorize(action: ArticleAction, actor: Actor, row: Pick<Article, 'status' | 'deleted_at' | 'created_by'>) {
  const decision = decide(action, actor.role, {
    status: row.status,
    trashed: row.deleted_at !== null,
    own: actor.id !== null && row.created_by === actor.id,
  })
  if (!decision.allowed) throw new ApiError(decision.status, decision.status === 403 ? 'forbidden' : 'conflict', decision.reason)
  return decision.to
}
