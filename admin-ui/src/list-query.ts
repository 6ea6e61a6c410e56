/**
 * The article list's search, filters and order as they live in the URL
 * (`?q=lang+son&status=published&category=3&author=7&since=2017-04-01&until=2017-04-30&sort=-views`),
 * so a list can be shared and survives a reload; and the API query each one makes.
 * Dates are days of the site's zone; `until` includes its whole day.
 */
import { wallTimeToUtc } from './time'

export const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const
export const SORTS = ['-updated_at', '-published_at', '-views'] as const
export type ListStatus = (typeof STATUSES)[number]
export type ListSort = (typeof SORTS)[number]

export interface ListQuery {
  q: string
  status: ListStatus | ''
  category: string
  author: string
  since: string
  until: string
  sort: ListSort
}

export const EMPTY_QUERY: ListQuery = { q: '', status: '', category: '', author: '', since: '', until: '', sort: '-updated_at' }

const ID = /^[1-9][0-9]{0,15}$/
const DAY = /^\d{4}-\d\d-\d\d$/

/** The list state a URL's search part names; anything malformed is dropped, not an error. */
export function parseListQuery(search: string): ListQuery {
  const p = new URLSearchParams(search)
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T | '') => (allowed.includes(value as T) ? (value as T) : fallback)
  const matching = (value: string | null, re: RegExp) => (value && re.test(value) ? value : '')
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    status: pick(p.get('status'), STATUSES, ''),
    category: matching(p.get('category'), ID),
    author: matching(p.get('author'), ID),
    since: matching(p.get('since'), DAY),
    until: matching(p.get('until'), DAY),
    sort: pick(p.get('sort'), SORTS, '-updated_at') || '-updated_at',
  }
}

/** The URL search part of a list state: only what differs from the defaults, in a stable order. */
export function listQueryString(q: ListQuery): string {
  const p = new URLSearchParams()
  for (const key of ['q', 'status', 'category', 'author', 'since', 'until', 'sort'] as const) {
    const value = key === 'q' ? q.q.trim() : q[key]
    if (value && value !== EMPTY_QUERY[key]) p.set(key, value)
  }
  const s = p.toString()
  return s ? `?${s}` : ''
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** The query of GET /api/admin/articles for a list state (the search box empty). */
export function listApiQuery(q: ListQuery, timeZone: string): Record<string, string | undefined> {
  return {
    status: q.status || undefined,
    category_id: q.category || undefined,
    author_id: q.author || undefined,
    since: q.since ? (wallTimeToUtc(`${q.since}T00:00`, timeZone) ?? undefined) : undefined,
    until: q.until ? (wallTimeToUtc(`${nextDay(q.until)}T00:00`, timeZone) ?? undefined) : undefined,
    sort: q.sort === '-updated_at' ? undefined : q.sort,
  }
}

/** Whether any filter narrows the list (for the "clear filters" button). */
export const isFiltered = (q: ListQuery) => listQueryString({ ...q, sort: EMPTY_QUERY.sort }) !== ''
