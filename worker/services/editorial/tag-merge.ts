import type { Db, D1Handle } from '../../db/client'
import { runBatch } from '../../db/batch'
import { isForeignKeyViolation } from '../../db/guard'
import { ApiError } from '../../lib/errors'
import { nowIso } from '../../lib/time'
import { auditInsert } from '../audit'
import type { Actor } from './actor'
import { getAdminTag } from './tags'

/**
 * Merges tag `id` into tag `into` ("Da Nang" into "Đà Nẵng"): every article tagged
 * with the first gets the second (an article with both keeps one link, at its
 * earlier position), the first tag is deleted and the second's version goes up.
 * One D1 batch: the links move whole or not at all. Returns the number of articles
 * the merged tag was on.
 */
export async function mergeTag(db: Db, d1: D1Handle, id: number, into: number, actor: Actor): Promise<number> {
  if (id === into) throw new ApiError(400, 'bad_request', 'A tag cannot be merged into itself', [{ path: 'json.into', message: 'must be another tag' }])
  const [source, target] = await Promise.all([getAdminTag(db, id), getAdminTag(db, into)])
  const now = nowIso()
  try {
    await runBatch(d1, [
      db
        .insertInto('article_tags')
        .orIgnore()
        .columns(['article_id', 'tag_id', 'position', 'pub_at'])
        .expression(db.selectFrom('article_tags').select(['article_id', (eb) => eb.val(into).as('tag_id'), 'position', 'pub_at']).where('tag_id', '=', id)),
      db.deleteFrom('article_tags').where('tag_id', '=', id),
      db.deleteFrom('tags').where('id', '=', id),
      db.updateTable('tags').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('id', '=', into),
      auditInsert(db, {
        actorId: actor.id,
        action: 'tag.merged',
        resourceType: 'tag',
        resourceId: into,
        details: { from: { id, slug: source.slug, name: source.name }, into: { id: into, slug: target.slug }, articles: source.article_count },
        ip: actor.ip,
      }),
    ])
  } catch (err) {
    // The target was deleted between the read and the batch.
    if (isForeignKeyViolation(err)) throw new ApiError(409, 'conflict', 'The tag to merge into no longer exists')
    throw err
  }
  return source.article_count
}
