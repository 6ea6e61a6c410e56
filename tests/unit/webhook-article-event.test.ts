/**
 * Which webhook event an article save fires (services/webhooks/article-event.ts),
 * over every status before × every status after × trash before and after: an event
 * exactly when public visibility is involved, the kind by how it changed.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleStatus } from '../../schema/database'
import { ARTICLE_STATUSES } from '../../worker/services/editorial/rules'
import { articleEvent } from '../../worker/services/webhooks/article-event'

const TRASHED = '2026-12-01T00:00:00.000Z'
const live = (status: ArticleStatus, trashed: boolean) => status === 'published' && !trashed

describe('articleEvent', () => {
  it('follows public visibility for every transition, trash included', () => {
    for (const from of ARTICLE_STATUSES) {
      for (const to of ARTICLE_STATUSES) {
        for (const [trashedBefore, trashedAfter] of [[false, false], [false, true], [true, false], [true, true]] as const) {
          const event = articleEvent({ status: from, deleted_at: trashedBefore ? TRASHED : null }, { status: to, deleted_at: trashedAfter ? TRASHED : null })
          const was = live(from, trashedBefore)
          const is = live(to, trashedAfter)
          const expected = !was ? (is ? 'article.published' : null) : is ? 'article.updated' : trashedAfter ? 'article.deleted' : 'article.unpublished'
          expect(event, `${from}${trashedBefore ? ' (trash)' : ''} → ${to}${trashedAfter ? ' (trash)' : ''}`).toBe(expected)
        }
      }
    }
  })

  it('reads a missing change as "nothing changed": an edit of a live article is an update, of a draft nothing', () => {
    expect(articleEvent({ status: 'published', deleted_at: null }, undefined)).toBe('article.updated')
    expect(articleEvent({ status: 'published', deleted_at: null }, {})).toBe('article.updated')
    expect(articleEvent({ status: 'draft', deleted_at: null }, undefined)).toBeNull()
    expect(articleEvent({ status: 'published', deleted_at: TRASHED }, undefined)).toBeNull()
    // Archive and unpublish both take it offline; a restore of a published article brings it back.
    expect(articleEvent({ status: 'published', deleted_at: null }, { status: 'archived' })).toBe('article.unpublished')
    expect(articleEvent({ status: 'published', deleted_at: TRASHED }, { deleted_at: null })).toBe('article.published')
  })
})
