import { describe, expect, it } from 'vitest'
import { presentedApiKey } from '../../worker/lib/api-key-header'
import { publicAccess } from '../../worker/lib/public-access'
import { keyCacheScope } from '../../worker/services/api-keys/key-scope'
import { usageBucket, usageBucketParts } from '../../worker/services/api-keys/usage'

const KEY = `tin_key_${'a'.repeat(43)}`

describe('partner key pieces', () => {
  it('finds the key in X-Api-Key (first) or a Bearer tin_key_, and ignores any other Authorization', () => {
    expect(presentedApiKey(new Headers({ 'X-Api-Key': ` ${KEY} ` }))).toBe(KEY)
    expect(presentedApiKey(new Headers({ Authorization: `Bearer ${KEY}` }))).toBe(KEY)
    expect(presentedApiKey(new Headers({ 'X-Api-Key': 'x', Authorization: `Bearer ${KEY}` }))).toBe('x')
    expect(presentedApiKey(new Headers({ 'X-Api-Key': '' }))).toBe('')
    for (const authorization of ['Bearer tin_pat_abc', 'Basic YTpi', 'Bearer', `Token ${KEY}`]) {
      expect(presentedApiKey(new Headers({ Authorization: authorization })), authorization).toBeNull()
    }
    expect(presentedApiKey(new Headers())).toBeNull()
  })

  it('derives the cache scope from the access, not the key: equal access, equal scope; long lists hashed', async () => {
    const a = await keyCacheScope({ id: 1, tier: 'standard', body: 'summary', categories: [3, 4] })
    const b = await keyCacheScope({ id: 2, tier: 'high', body: 'summary', categories: [3, 4] })
    expect(a).toBe('key:summary:3.4')
    expect(b).toBe(a)
    expect(await keyCacheScope({ id: 1, tier: 'standard', body: 'full', categories: null })).toBe('key:full:all')
    const many = Array.from({ length: 100 }, (_, i) => i + 1)
    const long = await keyCacheScope({ id: 1, tier: 'standard', body: 'full', categories: many })
    expect(long).toMatch(/^key:full:h[0-9a-f]{32}$/)
    expect(await keyCacheScope({ id: 1, tier: 'standard', body: 'full', categories: [...many, 101] })).not.toBe(long)
  })

  it('packs a UTC day and the kind of request into one usage bucket', () => {
    const at = Date.parse('2026-04-18T23:59:59Z')
    expect(usageBucketParts(usageBucket(at, false))).toEqual({ day: '2026-04-18', limited: false })
    expect(usageBucketParts(usageBucket(at, true))).toEqual({ day: '2026-04-18', limited: true })
    expect(usageBucketParts(usageBucket(at + 1000, false)).day).toBe('2026-04-19')
  })

  it('reads PUBLIC_API_ACCESS and refuses anything but open or key', () => {
    expect(publicAccess({ PUBLIC_API_ACCESS: '' })).toBe('open')
    expect(publicAccess({ PUBLIC_API_ACCESS: ' KEY ' })).toBe('key')
    expect(() => publicAccess({ PUBLIC_API_ACCESS: 'closed' })).toThrow(/open or key/)
  })
})
