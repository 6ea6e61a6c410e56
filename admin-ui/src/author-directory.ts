import { api, type Author, type StaffUser } from './api'
import { allPages, newsroomApi } from './newsroom-api'
import { foldVietnamese } from '../../worker/lib/vi-fold'

/**
 * Every byline of the newsroom (hundreds of reporters: a few pages of 100), read
 * once per page load and shared by every picker; a created author joins it.
 */
let everyone: Promise<Author[]> | null = null
let me: Promise<StaffUser | null> | null = null

export function loadAuthors(): Promise<Author[]> {
  everyone ??= allPages((cursor) => newsroomApi.authors(cursor)).catch((err: unknown) => {
    everyone = null
    throw err
  })
  return everyone
}

export async function createAuthor(name: string): Promise<Author> {
  const created = (await newsroomApi.createAuthor(name)).data
  const list = await loadAuthors().catch(() => [])
  everyone = Promise.resolve([...list, created])
  return created
}

/** Whether the signed-in user may add bylines (editors and admins, as the API says). */
export async function canCreateAuthors(): Promise<boolean> {
  me ??= api.me().then((r) => r.data, () => null)
  const user = await me
  return user?.role === 'admin' || user?.role === 'editor'
}

/**
 * The authors whose name matches what was typed, accents optional ("tran thi" finds
 * "Trần Thị Bình"): every typed word starts a word of the name. At most `limit`.
 */
export function matchAuthors(authors: Author[], typed: string, limit = 8): Author[] {
  const words = foldVietnamese(typed).split(/\s+/).filter(Boolean)
  if (words.length === 0) return authors.slice(0, limit)
  const out: Author[] = []
  for (const a of authors) {
    const nameWords = foldVietnamese(a.name).split(/\s+/)
    if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) out.push(a)
    if (out.length >= limit) break
  }
  return out
}
