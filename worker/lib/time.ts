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

/** Offsets are cached per quarter hour: zones change offset on quarter hours (a quarter whose ends differ is never cached). */
const BUCKET_MS = 15 * 60_000
const offsets = new Map<string, number>()

/** The zone's offset from UTC at `ms` (whole seconds), in ms, from the zone's wall clock. */
function offsetAt(timeZone: string, ms: number): number {
  const p = partsIn(timeZone, new Date(ms))
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - ms
}

/**
 * The offset at `ms`, cached per zone and quarter hour when it is the same at both
 * ends of the quarter (a transition inside one, as in some zones' local mean time
 * before 1970, is computed each time). Intl's formatToParts costs microseconds: a
 * sitemap page writes 100,000 times and spent most of its 650 ms there.
 */
function offsetMs(timeZone: string, ms: number): number {
  const bucket = Math.floor(ms / BUCKET_MS)
  const key = `${timeZone} ${bucket}`
  const cached = offsets.get(key)
  if (cached !== undefined) return cached
  const start = offsetAt(timeZone, bucket * BUCKET_MS)
  if (start !== offsetAt(timeZone, (bucket + 1) * BUCKET_MS - 1000)) return offsetAt(timeZone, ms)
  if (offsets.size >= 50_000) offsets.clear()
  offsets.set(key, start)
  return start
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * ISO 8601 with the zone's offset at that instant.
 *
 * @example
 * toZonedIso('2017-04-18T02:35:00.000Z', 'Asia/Ho_Chi_Minh') // '2017-04-18T09:35:00+07:00'
 */
export function toZonedIso(utcIso: string, timeZone: string): string {
  const ms = Math.floor(new Date(utcIso).getTime() / 1000) * 1000
  const offset = offsetMs(timeZone, ms)
  const w = new Date(ms + offset)
  const offsetMinutes = Math.round(offset / 60000)
  const abs = Math.abs(offsetMinutes)
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  return `${pad(w.getUTCFullYear(), 4)}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}${zone}`
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
