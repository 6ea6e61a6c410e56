const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** The three forms a recipient must accept (RFC 9110 §5.6.7), as [day, month, year, time]. */
const FORMS: Array<[RegExp, (m: RegExpExecArray) => [string, string, string, string]]> = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
  [/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d:\d\d:\d\d) GMT$/, (m) => [m[1]!, m[2]!, m[3]!, m[4]!]],
  // rfc850-date: Sunday, 06-Nov-94 08:49:37 GMT
  [/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d\d)-([A-Z][a-z]{2})-(\d\d) (\d\d:\d\d:\d\d) GMT$/, (m) => [m[1]!, m[2]!, m[3]!, m[4]!]],
  // asctime-date: Sun Nov  6 08:49:37 1994
  [/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d) (\d{4})$/, (m) => [m[2]!.trim(), m[1]!, m[4]!, m[3]!]],
]

/** A two-digit year more than 50 years ahead is the last such year in the past (§5.6.7). */
function fullYear(year: string): number {
  if (year.length === 4) return Number(year)
  const now = new Date().getUTCFullYear()
  const y = Math.floor(now / 100) * 100 + Number(year)
  return y > now + 50 ? y - 100 : y
}

/**
 * An HTTP-date as milliseconds since the epoch (whole seconds), or null when the
 * value is not one: a conditional header with an invalid date is ignored (§13.1.3).
 *
 * @example
 * parseHttpDate('Tue, 18 Apr 2017 02:35:00 GMT') // 1492482900000
 * parseHttpDate('yesterday') // null
 */
export function parseHttpDate(value: string): number | null {
  for (const [pattern, parts] of FORMS) {
    const m = pattern.exec(value.trim())
    if (!m) continue
    const [day, monthName, year, time] = parts(m)
    const month = MONTHS.indexOf(monthName)
    const [h, min, s] = time.split(':').map(Number) as [number, number, number]
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
    const date = new Date(0)
    date.setUTCFullYear(fullYear(year), month, Number(day))
    date.setUTCHours(h, min, Math.min(s, 59))
    const valid = month >= 0 && h < 24 && min < 60 && s <= 60 && date.getUTCDate() === Number(day) && date.getUTCMonth() === month
    return valid ? date.getTime() : null
  }
  return null
}

/** A time as an IMF-fixdate, to the second: the Last-Modified of a stored object. */
export const formatHttpDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString()
