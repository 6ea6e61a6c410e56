/**
 * IPv4 ranges a webhook may not reach: what is not the public internet (RFC 6890
 * special-purpose registry). Addresses arrive as the WHATWG URL parser leaves them:
 * always dotted decimal, whatever the input spelled (2130706433, 0x7f.1, 0177.0.0.1).
 */

/** [network, prefix length, why]. */
const BLOCKED: readonly [string, number, string][] = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved or broadcast'],
]

/** The address as a 32-bit unsigned number, or null when `host` is not dotted-decimal IPv4. */
export function ipv4Number(host: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (!m) return null
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return null
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!
}

const RANGES = BLOCKED.map(([net, bits, why]) => ({ base: ipv4Number(net)!, mask: bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0, why }))

/**
 * Why a 32-bit IPv4 address is not public, or null when it is.
 *
 * @example
 * blockedIpv4(ipv4Number('169.254.169.254')!) // 'link-local (cloud metadata)'
 */
export function blockedIpv4(address: number): string | null {
  for (const r of RANGES) if (((address & r.mask) >>> 0) === r.base) return r.why
  return null
}
