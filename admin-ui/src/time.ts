/**
 * Times in the newsroom's zone. The API sends instants (ISO 8601 with an offset);
 * editors read and type wall-clock times of the site's zone whatever their own
 * computer's zone is. Formatting reuses the worker's functions, so the UI shows
 * exactly what the public API's `published_at_display` shows.
 */
import { toDisplayTime, toZonedIso } from '../../worker/lib/time'

declare const __SITE_TIME_ZONE__: string

/** The site's IANA zone, from wrangler.toml at build time (see vite.config.ts). */
export const SITE_TIME_ZONE: string = __SITE_TIME_ZONE__

/** `09:35 18/04/2017` for any ISO instant, in the site's zone. */
export const displayTime = (iso: string) => toDisplayTime(iso, SITE_TIME_ZONE)

/** The value of an `<input type="datetime-local">` showing `iso` in the site's zone. */
export const toLocalInput = (iso: string) => toZonedIso(iso, SITE_TIME_ZONE).slice(0, 16)

const offsetMs = (utcMs: number) => {
  const zoned = toZonedIso(new Date(utcMs).toISOString(), SITE_TIME_ZONE)
  const [, sign, hh, mm] = /([+-])(\d\d):(\d\d)$/.exec(zoned)!
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000
}

/**
 * The instant a site-zone wall-clock time (`2017-04-18T09:35`) names, as UTC ISO, or
 * null for an empty or malformed value. The offset is looked up at the guessed
 * instant and once more at the result, which settles daylight-saving edges.
 *
 * @example
 * fromLocalInput('2017-04-18T09:35') // '2017-04-18T02:35:00.000Z' in Asia/Ho_Chi_Minh
 */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return null
  const wall = Date.parse(`${value}:00Z`)
  if (Number.isNaN(wall)) return null
  let utc = wall - offsetMs(wall)
  utc = wall - offsetMs(utc)
  return new Date(utc).toISOString()
}
