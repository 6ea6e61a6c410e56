import type { Role } from '../../../schema/database'

/**
 * Who may read which article in the admin API (any status, its revisions, admin
 * search hits, its preview links), as one pure table beside the write rules
 * (rules.ts), so a test can walk every role. Admins and editors read everything
 * (the desk decides what runs); authors and contributors read the articles they
 * created and those whose byline carries them (an `article_authors` link to an
 * author profile whose `user_id` is theirs). Anything else answers exactly like
 * an article that does not exist (404), so embargoed stories of another desk do
 * not even show their id.
 */
export type ReadReach = 'all' | 'own-or-byline'

export const READ_RULES: Record<Role, ReadReach> = {
  admin: 'all',
  editor: 'all',
  author: 'own-or-byline',
  contributor: 'own-or-byline',
}

export interface ReadFacts {
  /** The reader created the article. */
  own: boolean
  /** The reader's author profile is on the article's byline. */
  byline: boolean
}

/**
 * Whether `role` may read an article in these circumstances.
 *
 * @example
 * mayRead('contributor', { own: false, byline: true }) // true
 */
export const mayRead = (role: Role, f: ReadFacts) => READ_RULES[role] === 'all' || f.own || f.byline
