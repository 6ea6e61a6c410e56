import type { MediaPatch } from '../../../schema/api/admin-media'
import type { Db, D1Handle } from '../../db/client'
import { matchVersion } from '../../lib/precondition'
import type { Actor } from '../editorial/actor'
import { updateVersioned } from '../editorial/versioned-row'
import { authorizeMediaWrite } from './access'
import { loadMediaItem } from './media-item'

/** Edits an item's filename, alt, caption or credit at the If-Match version (428/412), with its audit line. */
export async function editMedia(db: Db, d1: D1Handle, id: number, ifMatch: number | undefined, patch: MediaPatch, actor: Actor) {
  const { row } = await loadMediaItem(db, id, 0)
  authorizeMediaWrite(actor, row, 'edit')
  const version = matchVersion('media', ifMatch, row.version)
  await updateVersioned(db, d1, 'media', id, version, patch, { actor, action: 'media.updated', details: { fields: Object.keys(patch) } })
}
