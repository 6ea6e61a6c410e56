/**
 * Times in the newsroom's zone. The API sends instants (ISO 8601 with an offset);
 * editors read and type wall-clock times of the site's zone whatever their own
 * computer's zone is. Formatting reuses the worker's functions, so the UI shows
 * exactly what the public API's `published_at_display` shows.
 */
import { toDisplayTime, toZonedIso } from '../../worker/lib/time'

declare const __SITE_TIME_ZONE__: string

/** The site's IANA zone, from wrangler.toml at build time (see vite.config.ts). */
export const SITE_TIME_ZONE: string = typeof __SITE_TIME_ZONE__ === 'string' ? __SITE_TIME_ZONE__ : 'Asia/Ho_Chi_Minh'

const offsetMs = (utcMs: number, timeZone: string) => {
  const [, sign, hh, mm] = /([+-])(\d\d):(\d\d)$/.exec(toZonedIso(new Date(utcMs).toISOString(), timeZone))!
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000
}

const DAY_MS = 86_400_000

/**
 * The instant a wall-clock time of `timeZone` (`2017-04-18T09:35`, as a
 * datetime-local input gives it) names, as UTC ISO; null for an empty or malformed
 * value. Around a daylight-saving change the offsets of the day before and the day
 * after are both tried: a repeated autumn time takes its first occurrence, a time
 * skipped in spring is read with the earlier offset (so it lands after the gap).
 *
 * @example
 * wallTimeToUtc('2017-04-18T09:35', 'Asia/Ho_Chi_Minh') // '2017-04-18T02:35:00.000Z'
 */
export function wallTimeToUtc(value: string, timeZone: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return null
  const wall = Date.parse(`${value}:00Z`)
  if (Number.isNaN(wall)) return null
  const before = offsetMs(wall - DAY_MS, timeZone)
  const candidates = [wall - before, wall - offsetMs(wall + DAY_MS, timeZone)]
  const exact = candidates.filter((t) => toZonedIso(new Date(t).toISOString(), timeZone).slice(0, 16) === value)
  return new Date(exact.length > 0 ? Math.min(...exact) : wall - before).toISOString()
}

/** `09:35 18/04/2017` for any ISO instant, in the site's zone. */
export const displayTime = (iso: string) => toDisplayTime(iso, SITE_TIME_ZONE)

/** The value of an `<input type="datetime-local">` showing `iso` in the site's zone. */
export const toLocalInput = (iso: string) => toZonedIso(iso, SITE_TIME_ZONE).slice(0, 16)

/** A datetime-local value typed in the site's zone, as a UTC instant. */
export const fromLocalInput = (value: string) => wallTimeToUtc(value, SITE_TIME_ZONE)
