import type { Revision } from '../../schema/database'
import type { SiteSettings } from '../lib/settings'
import { toZonedIso } from '../lib/time'
import { parseSnapshot } from '../services/editorial/revision-snapshot'

/** A revision in a history list: who saved which version when, and its title then. */
export function serializeRevisionSummary(r: Revision, settings: SiteSettings) {
  const snapshot = parseSnapshot(r.snapshot)
  return {
    version: r.version,
    created_at: toZonedIso(r.created_at, settings.timeZone),
    created_by: r.created_by,
    title: snapshot?.title ?? '',
    status: snapshot?.status ?? 'draft',
  }
}

/** One revision with its whole snapshot (the content as it was saved). */
export function serializeRevision(r: Revision, settings: SiteSettings) {
  let snapshot: Record<string, unknown> = {}
  try {
    snapshot = JSON.parse(r.snapshot) as Record<string, unknown>
  } catch {
    // An unreadable snapshot is shown empty; restoring it is refused by the service.
  }
  return { ...serializeRevisionSummary(r, settings), article_id: r.article_id, snapshot }
}
