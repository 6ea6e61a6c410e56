import { blockedIpv4 } from './ipv4'

/**
 * IPv6 addresses a webhook may not reach. The URL parser serializes them
 * compressed and lowercase, with any embedded IPv4 in hex (`::ffff:7f00:1`), so the
 * address is expanded to eight 16-bit groups and matched by prefix. Forms that carry
 * an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address.
 */

/** The eight groups of a bracket-less IPv6 address, or null when it is not one. */
export function ipv6Groups(host: string): number[] | null {
  if (!/^[0-9a-f:.]+$/i.test(host) || !host.includes(':')) return null
  let text = host.toLowerCase()
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    text = text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)))
  const head = parse(halves[0]!)
  const tail = halves.length === 2 ? parse(halves[1]!) : []
  const fill = 8 - head.length - tail.length
  if (halves.length === 2 ? fill < 1 : fill !== 0) return null
  const groups = [...head, ...Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail]
  return groups.some(Number.isNaN) ? null : groups
}

const v4 = (hi: number, lo: number) => ((hi << 16) >>> 0) + lo
const zeros = (g: number[], from: number, to: number) => g.slice(from, to).every((x) => x === 0)

/** Why an IPv6 address (eight groups) is not public, or null when it is. */
export function blockedIpv6(g: number[]): string | null {
  const embedded = (why: string, address: number) => {
    const inner = blockedIpv4(address)
    return inner ? `${why} of a ${inner} IPv4 address` : null
  }
  if (zeros(g, 0, 7) && g[7]! <= 1) return g[7] === 1 ? 'loopback' : 'unspecified'
  if (zeros(g, 0, 5) && g[5] === 0xffff) return embedded('IPv4-mapped', v4(g[6]!, g[7]!))
  if (zeros(g, 0, 6)) return embedded('IPv4-compatible', v4(g[6]!, g[7]!))
  if (zeros(g, 0, 4) && g[4] === 0xffff && g[5] === 0) return embedded('IPv4-translated', v4(g[6]!, g[7]!))
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(g, 2, 6)) return embedded('NAT64', v4(g[6]!, g[7]!))
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64'
  if (g[0] === 0x2002) return embedded('6to4', v4(g[1]!, g[2]!))
  if (g[0] === 0x2001 && g[1] === 0) return 'Teredo'
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation'
  if (g[0] === 0x100 && zeros(g, 1, 4)) return 'discard-only'
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique local (private)'
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local'
  if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local'
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast'
  return null
}
