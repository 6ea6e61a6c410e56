/**
 * The editor's copy of unsaved words in this browser: written while typing, offered
 * back after a crash or a closed tab, removed after a successful save. One entry per
 * user and article ("new" for an article not yet saved), so two people sharing a
 * computer never see each other's drafts; entries older than a week are dropped.
 */
import type { ArticleForm } from './form-model'

export const BACKUP_PREFIX = 'tin-admin-draft:v1:'
export const BACKUP_MAX_AGE_MS = 7 * 24 * 3_600_000

export interface DraftBackup {
  /** When it was written (ms since epoch). */
  savedAt: number
  /** The version the edits started from (null: a new article). */
  baseVersion: number | null
  form: ArticleForm
}

/** The storage key of one user's backup of one article. */
export const backupKey = (userId: number, articleId: number | null) => `${BACKUP_PREFIX}${userId}:${articleId ?? 'new'}`

/** The stored text of a backup. */
export const encodeBackup = (b: DraftBackup) => JSON.stringify(b)

/** A stored backup, or null when it is missing, unreadable or older than `maxAge`. */
export function decodeBackup(text: string | null, now: number, maxAge = BACKUP_MAX_AGE_MS): DraftBackup | null {
  if (text === null) return null
  try {
    const b = JSON.parse(text) as Partial<DraftBackup>
    if (typeof b.savedAt !== 'number' || typeof b.form !== 'object' || b.form === null || typeof b.form.title !== 'string') return null
    if (now - b.savedAt > maxAge || b.savedAt > now + 60_000) return null
    return { savedAt: b.savedAt, baseVersion: typeof b.baseVersion === 'number' ? b.baseVersion : null, form: b.form }
  } catch {
    return null
  }
}

/** The keys of backups past their age, to remove (any user: a stale draft helps nobody). */
export function expiredKeys(entries: [key: string, text: string | null][], now: number, maxAge = BACKUP_MAX_AGE_MS): string[] {
  return entries.filter(([key, text]) => key.startsWith(BACKUP_PREFIX) && decodeBackup(text, now, maxAge) === null).map(([key]) => key)
}

/** The part of the Web Storage API used here (this file is also unit-tested outside a browser). */
interface KeyValueStore {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** localStorage, or nothing (private mode, storage full): a backup is a help, never a reason to fail. */
function storage(): KeyValueStore | null {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null
  } catch {
    return null
  }
}

export function readBackup(key: string, now = Date.now()): DraftBackup | null {
  return decodeBackup(storage()?.getItem(key) ?? null, now)
}

export function writeBackup(key: string, backup: DraftBackup) {
  try {
    storage()?.setItem(key, encodeBackup(backup))
  } catch {
    // Quota exceeded: the server copy (autosave) still protects the words.
  }
}

export function clearBackup(key: string) {
  try {
    storage()?.removeItem(key)
  } catch {
    // Nothing to clear.
  }
}

/** Drops week-old backups of every article on this browser (run when the editor opens). */
export function pruneBackups(now = Date.now()) {
  const s = storage()
  if (!s) return
  const entries: [string, string | null][] = []
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i)
    if (key?.startsWith(BACKUP_PREFIX)) entries.push([key, s.getItem(key)])
  }
  for (const key of expiredKeys(entries, now)) clearBackup(key)
}
