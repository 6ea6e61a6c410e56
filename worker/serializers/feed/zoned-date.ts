import { toZonedIso } from '../../lib/time'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * RFC 822 (RSS 2.0) from the zoned ISO form: `2017-04-18T09:35:00+07:00` ->
 * `Tue, 18 Apr 2017 09:35:00 +0700`.
 */
export function rfc822(zonedIso: string): string {
  const [date, rest] = zonedIso.split('T') as [string, string]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${weekday}, ${String(d).padStart(2, '0')} ${MONTHS[m - 1]} ${y} ${rest.slice(0, 8)} ${rest.slice(8).replace(':', '')}`
}

/**
 * A Date that writes itself in the site's time zone. feedsmith formats every date
 * it is given with `toISOString()` (Atom, JSON Feed) or `toUTCString()` (RSS), both
 * UTC; it has no option for an offset, and a string is parsed back into a Date
 * first. This subclass is the one adaptation: the instant is unchanged, only its
 * text carries the site's offset (`2017-04-18T09:35:00+07:00`,
 * `Tue, 18 Apr 2017 09:35:00 +0700`), as every time the API returns does.
 *
 * @example
 * generateAtomFeed({ ..., updated: zonedDate(row.updated_at, settings.timeZone) })
 */
export function zonedDate(utcIso: string, timeZone: string): Date {
  const iso = toZonedIso(utcIso, timeZone)
  const date = new Date(utcIso)
  Object.defineProperties(date, {
    toISOString: { value: () => iso },
    toUTCString: { value: () => rfc822(iso) },
  })
  return date
}
