/**
 * The SSRF guard of webhooks (worker/lib/url-guard): every spelling of a private
 * address is refused, public ones are not, and WEBHOOK_ALLOW_PRIVATE lets loopback
 * through for local development. Runs in workerd, so the URL parser is the one the
 * worker uses in production.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allowsPrivate, checkOutboundUrl } from '../../worker/lib/url-guard'

const refused = (url: string) => {
  const verdict = checkOutboundUrl(url)
  return verdict.ok ? null : verdict.reason
}

describe('refused URLs', () => {
  it.each([
    ['ftp://example.com/hook', 'only http and https'],
    ['file:///etc/passwd', 'only http and https'],
    ['https://user:pass@example.com/hook', 'user name or password'],
    ['https://user@example.com/hook', 'user name or password'],
    ['not a url', 'not an absolute URL'],
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://017700000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://0x7f.0.0.1/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://0/', 'this network'],
    ['http://0.0.0.0:8080/', 'this network'],
    ['http://10.1.2.3/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://[::1]/', 'loopback'],
    ['http://[::]/', 'unspecified'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped of a loopback'],
    ['http://[::ffff:7f00:1]/', 'IPv4-mapped of a loopback'],
    ['http://[::ffff:169.254.169.254]/', 'IPv4-mapped of a link-local'],
    ['http://[64:ff9b::10.0.0.1]/', 'NAT64 of a private'],
    ['http://[2002:7f00:1::]/', '6to4 of a loopback'],
    ['http://[fc00::1]/', 'unique local'],
    ['http://[fd12:3456::1]/', 'unique local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://localhost:8787/', '.localhost'],
    ['http://LOCALHOST./', '.localhost'],
    ['http://api.localhost/', '.localhost'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://metadata/', 'metadata'],
    ['http://printer.local/', '.local'],
    ['http://wiki/', 'without a domain'], ['http://intranet/', '.intranet'],
    ['http://127.0.0.1.nip.io/', 'nip.io'],
  ])('%s (%s)', (url, why) => {
    expect(refused(url)).toContain(why)
  })
})

describe('accepted URLs', () => {
  it.each(['https://partner.example.vn/hooks/tin', 'http://93.184.216.34:8080/x', 'https://[2606:4700::6810:85e5]/', 'https://8.8.8.8/', 'http://[::ffff:8.8.8.8]/', 'https://hooks.receiver.test/a/ok'])('%s', (url) => {
    expect(refused(url)).toBeNull()
  })

  it('WEBHOOK_ALLOW_PRIVATE allows loopback and private addresses, never other schemes or credentials', () => {
    expect(checkOutboundUrl('http://127.0.0.1:9999/hook', { allowPrivate: true }).ok).toBe(true)
    expect(checkOutboundUrl('http://localhost:9999/hook', { allowPrivate: true }).ok).toBe(true)
    expect(checkOutboundUrl('file:///etc/passwd', { allowPrivate: true }).ok).toBe(false)
    expect(checkOutboundUrl('http://a:b@127.0.0.1/', { allowPrivate: true }).ok).toBe(false)
    expect([allowsPrivate({ WEBHOOK_ALLOW_PRIVATE: '1' }), allowsPrivate({ WEBHOOK_ALLOW_PRIVATE: 'true' }), allowsPrivate({}), allowsPrivate({ WEBHOOK_ALLOW_PRIVATE: '0' })]).toEqual([true, true, false, false])
  })
})

/** Private IPv4 addresses as four bytes, from every blocked range. */
const PRIVATE_NETS: [number[], number][] = [
  [[0, 0, 0, 0], 8], [[10, 0, 0, 0], 8], [[100, 64, 0, 0], 10], [[127, 0, 0, 0], 8], [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12], [[192, 168, 0, 0], 16], [[224, 0, 0, 0], 4], [[240, 0, 0, 0], 4],
]
const privateAddress = fc.tuple(fc.constantFrom(...PRIVATE_NETS), fc.integer({ min: 0, max: 0xffffffff })).map(([[net, bits], noise]) => {
  const base = ((net[0]! << 24) | (net[1]! << 16) | (net[2]! << 8) | net[3]!) >>> 0
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
  return ((base & mask) | (noise & ~mask)) >>> 0
})

const part = (n: number, radix: 8 | 10 | 16, upper: boolean) => (radix === 16 ? (upper ? '0X' : '0x') + n.toString(16) : radix === 8 ? '0' + n.toString(8) : String(n))
const bytes = (a: number) => [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255]
const hex4 = (n: number) => n.toString(16)

/** Every way a URL can spell an IPv4 address that the URL standard accepts, and the IPv6 forms that carry one. */
const encodings = (a: number, radix: 8 | 10 | 16, upper: boolean): string[] => {
  const [b0, b1, b2, b3] = bytes(a) as [number, number, number, number]
  return [
    bytes(a).map((b) => part(b, radix, upper)).join('.'),
    part(a, radix, upper),
    `${part(b0, radix, upper)}.${part((b1 << 16) | (b2 << 8) | b3, radix, upper)}`,
    `${part(b0, radix, upper)}.${part(b1, radix, upper)}.${part((b2 << 8) | b3, radix, upper)}`,
    `${bytes(a).join('.')}.`,
    `[::ffff:${bytes(a).join('.')}]`,
    `[::ffff:${hex4((b0 << 8) | b1)}:${hex4((b2 << 8) | b3)}]`,
    `[0:0:0:0:0:ffff:${bytes(a).join('.')}]`,
    `[64:ff9b::${bytes(a).join('.')}]`,
  ]
}

describe('property: generated encodings of private addresses', () => {
  it('are all refused, whatever the radix of each part and the form', () => {
    fc.assert(
      fc.property(privateAddress, fc.constantFrom(8 as const, 10 as const, 16 as const), fc.boolean(), fc.constantFrom('http', 'https'), (a, radix, upper, scheme) => {
        for (const host of encodings(a, radix, upper)) {
          const url = `${scheme}://${host}/hook`
          expect(refused(url), url).not.toBeNull()
        }
      }),
      { numRuns: 500 },
    )
  })

  it('while the same encodings of public addresses are accepted (the guard judges the address, not the spelling)', () => {
    const publicAddress = fc.integer({ min: 0x0b000000, max: 0x5fffffff }) // 11.0.0.0 .. 95.255.255.255: no blocked range
    fc.assert(
      fc.property(publicAddress, fc.constantFrom(8 as const, 10 as const, 16 as const), (a, radix) => {
        for (const host of encodings(a, radix, false)) expect(refused(`http://${host}/`), host).toBeNull()
      }),
      { numRuns: 200 },
    )
  })
})
