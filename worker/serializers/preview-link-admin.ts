import { toZonedIso } from '../lib/time'
import type { PreviewLinkRow } from '../services/editorial/preview-link-admin'

/** A preview link in the article's list: its state, never its token. */
export function serializePreviewLink(l: PreviewLinkRow, timeZone: string, now = new Date()) {
  const state = l.revoked_at !== null ? 'revoked' : Date.parse(l.expires_at) <= now.getTime() ? 'expired' : 'active'
  return {
    id: l.id,
    article_id: l.article_id,
    created_by: l.created_by,
    created_at: toZonedIso(l.created_at, timeZone),
    expires_at: toZonedIso(l.expires_at, timeZone),
    revoked_at: l.revoked_at === null ? null : toZonedIso(l.revoked_at, timeZone),
    revoked_reason: l.revoked_reason as 'revoked' | 'trashed' | 'unpublished' | 'embargo_changed' | null,
    state: state as 'active' | 'expired' | 'revoked',
  }
}
