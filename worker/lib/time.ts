/**
 * Times are stored as UTC ISO strings and shown in the site's time zone.
 */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(timeZone: string, date: Date): Record<string, string> {
  let fmt = offsetFormatters.get(timeZone)
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    offsetFormatters.set(timeZone, fmt)
  }
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]))
}

/**
 * ISO 8601 with the zone's offset at that instant.
 *
 * @example
 * toZonedIso('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh') // '2017-04-18T09:35:00+07:00'
 */
export function toZonedIso(utcIso: string, timeZone: string): string {
  const date = new Date(utcIso)
  const p = partsIn(timeZone, date)
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!)
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`
}

/**
 * The newsroom's display form, `HH:mm dd/MM/yyyy` in the site's zone.
 *
 * @example
 * toDisplayTime('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh') // '09:35 18/04/2017'
 */
export function toDisplayTime(utcIso: string, timeZone: string): string {
  const p = partsIn(timeZone, new Date(utcIso))
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`
}

/** Any ISO 8601 instant (with Z or an offset) to the stored UTC form. */
export function toUtcIso(input: string | Date): string {
  return (typeof input === 'string' ? new Date(input) : input).toISOString()
}

export const nowIso = () => new Date().toISOString()
