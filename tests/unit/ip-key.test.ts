import { describe, expect, it } from 'vitest'
import { ipThrottleKey } from '../../worker/lib/ip-key'

describe('ipThrottleKey', () => {
  it.each([
    ['198.51.100.7', 'ip4:198.51.100.7'],
    ['::ffff:198.51.100.7', 'ip4:198.51.100.7'],
    ['::FFFF:c633:6407', 'ip4:198.51.100.7'],
    ['0:0:0:0:0:ffff:198.51.100.7', 'ip4:198.51.100.7'],
    ['2001:db8:1:2::1', 'ip6:2001:db8:1:2'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', 'ip6:2001:db8:1:2'],
    ['2001:DB8:1:2:aaaa:bbbb:cccc:dddd', 'ip6:2001:db8:1:2'],
    ['[2001:db8:1:2::9]', 'ip6:2001:db8:1:2'],
    ['fe80::1%eth0', 'ip6:fe80:0:0:0'],
    ['::1', 'ip6:0:0:0:0'],
    ['64:ff9b::198.51.100.7', 'ip6:64:ff9b:0:0'],
  ])('%s -> %s', (ip, key) => {
    expect(ipThrottleKey(ip)).toBe(key)
  })

  it('groups every address of one /64 and separates neighbouring /64s', () => {
    expect(ipThrottleKey('2001:db8:1:2::1')).toBe(ipThrottleKey('2001:db8:1:2:ffff::abcd'))
    expect(ipThrottleKey('2001:db8:1:2::1')).not.toBe(ipThrottleKey('2001:db8:1:3::1'))
  })

  it.each([null, undefined, '', 'unknown', '1.2.3', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', '1::2::3', '12345::1', '1:2:3:4:5:6:7:8:9', 'g::1', ':::', '::ffff:999.1.1.1', '1:2:3:4:5:6:7'])(
    '%s is no address: null (never one shared key)',
    (ip) => {
      expect(ipThrottleKey(ip)).toBeNull()
    },
  )
})
