import type { Author, Category, Tag } from '../../schema/database'
import type { SiteSettings } from '../lib/settings'

type CategoryRow = Pick<Category, 'id' | 'slug' | 'name' | 'description' | 'parent_id' | 'position'>

/** A category with its direct children, as the public API shows it. */
export function serializeCategory(c: CategoryRow, children: Pick<Category, 'id' | 'slug' | 'name'>[], settings: SiteSettings) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    parent_id: c.parent_id,
    position: c.position,
    url: `${settings.url}/${c.slug}`,
    children: children.map(({ id, slug, name }) => ({ id, slug, name })),
  }
}

export const serializeTag = (t: Pick<Tag, 'slug' | 'name'>) => ({ slug: t.slug, name: t.name })

export const serializeAuthor = (a: Pick<Author, 'id' | 'slug' | 'name' | 'bio' | 'avatar_url'>) => ({
  id: a.id,
  slug: a.slug,
  name: a.name,
  bio: a.bio,
  avatar_url: a.avatar_url,
})
