import type { Db, D1Handle } from '../../db/client'
import { ApiError } from '../../lib/errors'
import type { Actor } from './actor'
import { loadArticleState } from './article-state'
import { saveArticle, type WorkflowColumns } from './article-write'
import { versionFor } from './articles'
import { authorize } from './permissions'
import { PAST_TENSE, type WorkflowAction } from './rules'

export interface WorkflowOptions {
  ifMatch?: number | undefined
  /** publish: a past publication time (archives, migrations). */
  publishedAt?: string | undefined
  /** schedule: when the cron tick should publish it. */
  at?: string | undefined
  now?: Date
}

/** A little slack for clocks: "now" from a client is never in the future by our clock. */
const CLOCK_SKEW_MS = 60_000

const badTime = (path: string, message: string) => new ApiError(400, 'validation_failed', 'Invalid body', [{ path, message }])

/**
 * Moves an article through the workflow (rules.ts decides who may do what from
 * which state) and saves the change as a new version with a revision and an audit
 * line. Returns the new version.
 */
export async function applyWorkflow(db: Db, d1: D1Handle, id: number, action: WorkflowAction, actor: Actor, opts: WorkflowOptions = {}) {
  const now = opts.now ?? new Date()
  const before = await loadArticleState(db, id)
  const status = authorize(action, actor, before.row)
  const workflow: WorkflowColumns = { status }
  if (action === 'publish') {
    if (opts.publishedAt && Date.parse(opts.publishedAt) > now.getTime() + CLOCK_SKEW_MS) {
      throw badTime('json.published_at', 'must not be in the future; use schedule to publish later')
    }
    workflow.published_at = opts.publishedAt ?? before.row.published_at ?? now.toISOString()
    workflow.scheduled_at = null
  } else if (action === 'schedule') {
    if (!opts.at || Date.parse(opts.at) <= now.getTime()) throw badTime('json.at', 'must be in the future')
    workflow.scheduled_at = opts.at
  } else if (action === 'unpublish') {
    workflow.scheduled_at = null
  }
  return saveArticle(db, d1, before, versionFor(before, opts.ifMatch), {
    actor,
    action: `article.${PAST_TENSE[action]}`,
    content: before.content,
    workflow,
    details: { from: before.row.status, to: status, ...(workflow.published_at ? { published_at: workflow.published_at } : {}), ...(workflow.scheduled_at ? { scheduled_at: workflow.scheduled_at } : {}) },
  })
}
