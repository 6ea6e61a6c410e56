/**
 * The throttle key of a client address: an IPv4 address as itself, an IPv6
 * address as its /64 (one subscriber's allocation: rotating within it must not buy
 * a fresh budget), an IPv4-mapped IPv6 address (`::ffff:198.51.100.7`) as the IPv4
 * address it carries. Null when the text is no address at all: such clients are
 * throttled per account only, never pooled into one key that a single client
 * could lock for everyone.
 *
 * @example
 * ipThrottleKey('2001:db8:1:2:aaaa::1') // 'ip6:2001:db8:1:2'
 * ipThrottleKey('::ffff:198.51.100.7')  // 'ip4:198.51.100.7'
 */
export function ipThrottleKey(ip: string | null | undefined): string | null {
  if (!ip) return null
  const v4 = parseIpv4(ip)
  if (v4) return `ip4:${v4}`
  const groups = parseIpv6(ip)
  if (!groups) return null
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff
  if (mapped) return `ip4:${[groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.')}`
  return `ip6:${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}`
}

function parseIpv4(text: string): string | null {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null
  return parts.map(Number).join('.')
}

/** The eight 16-bit groups of an IPv6 address (`::` and a trailing dotted IPv4 allowed), or null. */
function parseIpv6(text: string): number[] | null {
  let rest = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase()
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(rest)
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!)
    if (!v4) return null
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number]
    rest = `${rest.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const halves = rest.split('::')
  if (halves.length > 2) return null
  const side = (s: string) => (s === '' ? [] : s.split(':'))
  const head = side(halves[0]!)
  const back = halves.length === 2 ? side(halves[1]!) : []
  if (![...head, ...back].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null
  const missing = 8 - head.length - back.length
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...back].map((g) => parseInt(g, 16))
}
