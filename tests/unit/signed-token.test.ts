import { describe, expect, it } from 'vitest'
import { importHmacKey, signToken, verifyToken } from '../../worker/lib/signed-token'

const key = () => importHmacKey(crypto.getRandomValues(new Uint8Array(32)))

describe('signed tokens', () => {
  it('round-trips the id and expiry', async () => {
    const k = await key()
    const expires = new Date(Date.now() + 3600_000)
    const check = await verifyToken(k, await signToken(k, 42, expires), new Date())
    expect(check).toMatchObject({ ok: true, id: 42 })
  })

  it('says expired after the expiry, still naming the article', async () => {
    const k = await key()
    const token = await signToken(k, 7, new Date(Date.now() + 1000))
    expect(await verifyToken(k, token, new Date(Date.now() + 5000))).toMatchObject({ ok: false, reason: 'expired', id: 7 })
  })

  it('refuses a token signed with another key, or with an edited payload', async () => {
    const [a, b] = [await key(), await key()]
    const token = await signToken(a, 1, new Date(Date.now() + 3600_000))
    expect(await verifyToken(b, token, new Date())).toMatchObject({ ok: false, reason: 'bad_signature' })
    const [, sig] = token.split('.')
    const forged = `${btoa('2.9999999999').replace(/=+$/, '')}.${sig}`
    expect(await verifyToken(a, forged, new Date())).toMatchObject({ ok: false, reason: 'bad_signature' })
  })

  it('refuses garbage', async () => {
    const k = await key()
    for (const junk of ['', '.', 'abc', 'a.b.c', 'a.!!!', `x.${'A'.repeat(43)}`]) {
      expect((await verifyToken(k, junk, new Date())).ok).toBe(false)
    }
  })
})
