import type { Media } from '../../../schema/database'
import { ApiError } from '../../lib/errors'
import type { Actor } from '../editorial/actor'

/** The desk (admins, editors) manages every item; authors and contributors their own uploads. */
export function authorizeMediaWrite(actor: Actor, row: Pick<Media, 'uploaded_by'>, what: 'edit' | 'delete') {
  if (actor.role === 'admin' || actor.role === 'editor') return
  if (actor.id !== null && row.uploaded_by === actor.id) return
  throw new ApiError(403, 'forbidden', `Authors and contributors may ${what} only the media they uploaded`)
}
